// why: stringifying a structure nested a million levels deep
// expect: error
// error-type: RangeError
let a = []; for (let i = 0; i < 1000000; i++) a = [a];
JSON.stringify(a).length
