// why: the Java way to start a process
// expect: error
// error-type: ReferenceError
Java.type('java.lang.Runtime').getRuntime().exec(['touch', hostDir + '/' + marker]).waitFor()
