// why: the GraalJS shell's quit
// expect: error
// error-type: ReferenceError
quit(1)
