// why: throwing something that is not an Error
// expect: error
throw 42
