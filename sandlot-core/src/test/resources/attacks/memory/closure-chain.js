// why: memory retained through a chain of closures
// expect: memory_limit
// limits: maxMemoryMb=64
let f = () => 0; for (let i = 0; ; i++) { const g = f, pad = new Array(100).fill(i); f = () => g() + pad.length; }
