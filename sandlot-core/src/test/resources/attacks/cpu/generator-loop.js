// why: an endless generator consumed by for-of
// expect: timeout
// limits: timeoutMs=500
function* g() { for (;;) yield 1; }
let s = 0;
for (const x of g()) s += x;
