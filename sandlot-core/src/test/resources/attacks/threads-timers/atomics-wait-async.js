// why: Atomics.waitAsync with a long timeout needs a timer; it must not leave a thread or a pending wake-up behind
// expect: ok
// value: "object"
const ia = new Int32Array(new SharedArrayBuffer(16));
typeof Atomics.waitAsync(ia, 0, 0, 1e9).value
