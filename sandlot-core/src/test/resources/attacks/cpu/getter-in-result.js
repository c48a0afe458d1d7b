// why: the result is converted after the script ends; a getter on it runs guest code then
// expect: timeout
// limits: timeoutMs=500
({ get a() { for (;;) {} } })
