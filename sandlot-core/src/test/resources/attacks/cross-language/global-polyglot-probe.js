// why: every spelling of a polyglot entry point, looked up without throwing
// expect: ok
// value: ["undefined", "undefined", "undefined", "undefined"]
const g = globalThis;
[typeof g.Polyglot, typeof g['Polyglot'], typeof g.Interop, typeof (0, eval)('this').Polyglot]
