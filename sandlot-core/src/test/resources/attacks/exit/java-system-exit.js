// why: System.exit would end the host JVM
// expect: error
// error-type: ReferenceError
Java.type('java.lang.System').exit(1)
