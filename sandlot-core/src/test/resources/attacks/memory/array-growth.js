// why: unbounded growth of live data
// expect: memory_limit
// limits: maxMemoryMb=64
const a = []; for (;;) a.push(new Array(10000).fill(1.5));
