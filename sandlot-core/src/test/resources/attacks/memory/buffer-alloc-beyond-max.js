// why: a Buffer longer than the engine's typed arrays allow fails cleanly with node's RangeError, allocating nothing
// expect: error
// error-type: RangeError
Buffer.alloc(2 ** 32).length
