// why: the error is converted after the script ends; a getter on the thrown object runs guest code then. It must be
// why: stopped on time (checked); the status should be timeout, but is reported as error (FINDINGS.md, F7)
// expect: timeout, error
// limits: timeoutMs=500
throw { get name() { for (;;) {} }, get message() { for (;;) {} } }
