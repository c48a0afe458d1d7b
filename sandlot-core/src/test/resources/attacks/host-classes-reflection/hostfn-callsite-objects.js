// why: V8-style Error.prepareStackTrace hands out CallSite objects whose getThis/getFunction could reach host frames
// expect: ok
// policy: hostfn
// value: "no callsites"
Error.prepareStackTrace = (e, frames) => frames.map(f => [f.getThis && f.getThis(), f.getFunction && f.getFunction()]);
let stack;
try { echo(() => 1); stack = new Error('x').stack; } catch (e) { stack = e.stack; }
typeof stack === 'string' ? 'no callsites' : JSON.stringify(stack)
