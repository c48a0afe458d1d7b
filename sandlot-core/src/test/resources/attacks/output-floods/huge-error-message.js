// why: the error message is capped
// expect: error
// limits: maxOutputBytes=10000
throw new Error('m'.repeat(10000000))
