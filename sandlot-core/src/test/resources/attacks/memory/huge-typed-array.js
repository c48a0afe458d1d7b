// why: one typed array of 1 GiB
// expect: memory_limit, error
// limits: maxMemoryMb=64
new Float64Array(2 ** 27).length
