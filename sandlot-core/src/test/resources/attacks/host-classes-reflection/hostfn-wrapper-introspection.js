// why: a host function is a frozen guest wrapper around a raw host proxy; nothing about it must lead to the host
// expect: ok
// policy: hostfn
// value: [true, "function", true, true, null, null]
let seenCaller = 'unset';
function probe() { const r = echo({a: [1, 2]}, 'x'); try { seenCaller = echo.caller; } catch (e) { seenCaller = null; } return r; }
const r = probe();
let args;
try { args = echo.arguments; } catch (e) { args = null; }
[Object.isFrozen(echo), typeof echo, Array.isArray(r), Object.getPrototypeOf(r[0]) === Object.prototype,
 seenCaller, args]
