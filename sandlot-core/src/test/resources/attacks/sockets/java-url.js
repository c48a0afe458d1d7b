// why: URL.openStream through Java
// expect: error
// error-type: ReferenceError
Java.type('java.net.URL')
