// why: unbounded recursion
// expect: error
// error-type: RangeError
function f(n) { return f(n + 1) + 1; }
f(0)
