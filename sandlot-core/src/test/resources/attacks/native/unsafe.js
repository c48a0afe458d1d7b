// why: sun.misc.Unsafe reads and writes raw memory
// expect: error
// error-type: ReferenceError
Java.type('sun.misc.Unsafe')
