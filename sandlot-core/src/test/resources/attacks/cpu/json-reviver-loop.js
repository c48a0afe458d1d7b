// why: guest code called from JSON.parse
// expect: timeout
// limits: timeoutMs=500
JSON.parse('[1]', () => { for (;;) {} })
