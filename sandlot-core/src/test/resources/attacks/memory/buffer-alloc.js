// why: node's Buffer is a Uint8Array of the guest's own heap: a 1 GiB Buffer.alloc, kept while the guest idles, is
// why: stopped by the memory limit as any typed array is, and the host carries on
// expect: memory_limit
// limits: maxMemoryMb=64
const kept = Buffer.alloc(2 ** 30);
const start = Date.now();
while (Date.now() - start < 8000) {}
kept.length
