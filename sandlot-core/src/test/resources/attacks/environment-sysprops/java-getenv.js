// why: the host's environment through Java
// expect: error
// error-type: ReferenceError
Java.type('java.lang.System').getenv()
