// why: recursion through property getters
// expect: error
// error-type: RangeError
const o = { get x() { return this.x; } };
o.x
