// why: the error is converted after the script ends; a getter on the thrown object runs guest code then. It must be
// why: stopped on time, and reported as the limit, not as an error (F7)
// expect: timeout
// limits: timeoutMs=500
throw { get name() { for (;;) {} }, get message() { for (;;) {} } }
