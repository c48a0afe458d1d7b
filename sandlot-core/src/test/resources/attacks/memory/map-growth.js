// why: a Map that grows forever
// expect: memory_limit
// limits: maxMemoryMb=64
const m = new Map(); let i = 0; for (;;) m.set(i++, {i});
