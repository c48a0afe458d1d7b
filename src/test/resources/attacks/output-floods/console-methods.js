// why: every console method writes to the captured streams, none to the host's
// expect: output_limit, memory_limit
// limits: maxOutputBytes=10000
const calls = Object.keys(console).filter(k => typeof console[k] === 'function');
for (;;) { for (const k of calls) console[k]('x'.repeat(50), {a: 1}); }
