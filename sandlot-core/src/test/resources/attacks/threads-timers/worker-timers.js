// why: every thread or timer API a JS attacker would try: no Worker; node's timers exist, run by the host on the guest's own thread after its code (JsTimers)
// expect: ok
// value: ["undefined", "function", "function", "function", "function", "undefined"]
[typeof Worker, typeof setTimeout, typeof setInterval, typeof setImmediate, typeof queueMicrotask,
 typeof requestAnimationFrame]
