// why: a proxy whose traps loop, handed back as the result
// expect: timeout
// limits: timeoutMs=500
new Proxy({}, { ownKeys() { for (;;) {} }, getOwnPropertyDescriptor() { for (;;) {} } })
