// why: Java.type is the GraalJS door to host classes; reading an environment variable through it must fail
// expect: error
Java.type('java.lang.System').getenv('PATH')
