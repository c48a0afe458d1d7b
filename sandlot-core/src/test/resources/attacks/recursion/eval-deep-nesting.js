// why: source code nested a hundred thousand parentheses deep (the parser recurses on the host's stack)
// expect: error
// error-type: RangeError, SyntaxError
eval('('.repeat(100000) + '1' + ')'.repeat(100000))
