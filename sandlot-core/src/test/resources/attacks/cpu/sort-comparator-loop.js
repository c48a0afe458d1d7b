// why: guest code called from a builtin (the sort comparator)
// expect: timeout
// limits: timeoutMs=500
[3, 1, 2].sort(() => { for (;;) {} })
