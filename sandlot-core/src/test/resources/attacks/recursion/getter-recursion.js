// why: recursion through property getters: usually a RangeError within a second
// why: but after earlier runs compiled the getter (a warm engine), GraalJS can spin past the CPU-time limit while
// why: it recovers from the stack overflow (10 s of CPU on the fourth run in one process): that limit stops it
// expect: error, cpu_limit
// error-type: RangeError
const o = { get x() { return this.x; } };
o.x
