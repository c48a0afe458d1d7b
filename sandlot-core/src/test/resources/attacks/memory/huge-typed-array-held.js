// why: one typed array of 1 GiB, kept while the guest idles: what the memory limit is for
// expect: memory_limit
// limits: maxMemoryMb=64
const kept = new Float64Array(2 ** 27);
const start = Date.now();
while (Date.now() - start < 8000) {}
kept.length
