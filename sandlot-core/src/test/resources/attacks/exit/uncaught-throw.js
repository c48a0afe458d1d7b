// why: an uncaught exception ends only the guest
// expect: error
// error-type: Error
throw new Error('bye')
