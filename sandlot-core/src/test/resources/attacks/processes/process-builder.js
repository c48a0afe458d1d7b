// why: the other Java way to start a process
// expect: error
// error-type: ReferenceError
const PB = Java.type('java.lang.ProcessBuilder');
new PB('touch', hostDir + '/' + marker).start().waitFor()
