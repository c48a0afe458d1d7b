// why: Runtime.halt ends the JVM without shutdown hooks
// expect: error
// error-type: ReferenceError
Packages.java.lang.Runtime.getRuntime().halt(1)
