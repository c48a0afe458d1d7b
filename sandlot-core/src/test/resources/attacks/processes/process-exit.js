// why: Node's process object
// expect: error
// error-type: ReferenceError
process.exit(1)
