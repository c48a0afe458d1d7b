// why: a host thread through Java
// expect: error
// error-type: ReferenceError
new (Java.type('java.lang.Thread'))(() => { for (;;) {} }).start()
