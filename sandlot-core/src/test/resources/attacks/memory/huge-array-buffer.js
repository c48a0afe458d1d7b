// why: an array buffer beyond what the engine allows
// expect: error, memory_limit
new ArrayBuffer(2 ** 32).byteLength
