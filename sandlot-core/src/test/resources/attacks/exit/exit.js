// why: exit, as in the Nashorn shell
// expect: error
// error-type: ReferenceError
exit(1)
