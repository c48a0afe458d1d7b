// why: node's process.exit ends only the script, as a status of the execution; the host JVM must live on
// expect: error
// error-type: ProcessExit
process.exit(1)
