// why: a result nested deeper than the converter goes: cut off, not a stack overflow
// expect: ok
let a = [1]; for (let i = 0; i < 100000; i++) a = [a];
a
