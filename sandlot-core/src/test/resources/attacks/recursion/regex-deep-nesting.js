// why: a pattern nested a hundred thousand groups deep
// expect: error
// error-type: SyntaxError, RangeError
new RegExp('('.repeat(100000) + ')'.repeat(100000))
