// why: the LLVM language runs native bitcode
// expect: error
// error-type: ReferenceError
Polyglot.eval('llvm', '')
