// why: JSON nested a million levels deep
// expect: error
// error-type: RangeError, SyntaxError
JSON.parse('['.repeat(1000000) + ']'.repeat(1000000))
