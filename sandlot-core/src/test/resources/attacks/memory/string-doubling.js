// why: doubling a string until the engine refuses or the limit fires
// expect: memory_limit, error
// limits: maxMemoryMb=64
let s = 'x'; for (;;) { s += s; s.charCodeAt(s.length - 1); s = s.split('').join(''); }
