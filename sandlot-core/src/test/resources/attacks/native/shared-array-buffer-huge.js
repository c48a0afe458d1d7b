// why: a huge shared buffer is native memory in some engines
// expect: error, memory_limit
new SharedArrayBuffer(2 ** 31 - 1).byteLength
