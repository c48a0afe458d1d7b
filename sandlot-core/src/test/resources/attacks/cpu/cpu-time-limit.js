// why: the CPU-time limit fires before the wall-time one
// expect: cpu_limit
// limits: cpuTimeMs=200,timeoutMs=10000
let x = 0; for (;;) { x = (x * 31 + 7) | 0; }
