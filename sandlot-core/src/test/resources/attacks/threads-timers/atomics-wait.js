// why: Atomics.wait blocks the calling thread; on the main thread it must be refused, not hang the host
// expect: error
// error-type: TypeError
const ia = new Int32Array(new SharedArrayBuffer(16));
Atomics.wait(ia, 0, 0)
