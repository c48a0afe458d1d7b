// why: a host socket through Java
// expect: error
// error-type: ReferenceError
new java.net.Socket('127.0.0.1', port)
