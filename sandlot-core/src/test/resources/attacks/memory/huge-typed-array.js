// why: one typed array of 1 GiB, dropped at once: a peak shorter than the guard's reaction (up to about a second, README "How the memory limit works") may end first, and the host must survive either way; huge-typed-array-held.js keeps it
// expect: memory_limit, error, ok
// limits: maxMemoryMb=64
new Float64Array(2 ** 27).length
