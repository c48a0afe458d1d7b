// why: two functions calling each other
// expect: error
// error-type: RangeError
function a(n) { return b(n) + 1; }
function b(n) { return a(n) + 1; }
a(0)
