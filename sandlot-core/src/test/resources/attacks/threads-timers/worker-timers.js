// why: every thread or timer API a JS attacker would try
// expect: ok
// value: ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined"]
[typeof Worker, typeof setTimeout, typeof setInterval, typeof setImmediate, typeof queueMicrotask,
 typeof requestAnimationFrame]
