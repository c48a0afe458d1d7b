// why: every console method writes to the captured streams, none to the host's (console's methods are not
// why: enumerable in GraalJS: Object.keys(console) is empty, and the case used to spin on an empty list)
// expect: output_limit
// limits: maxOutputBytes=10000
const calls = Object.getOwnPropertyNames(console).filter(k => typeof console[k] === 'function');
if (calls.length < 10) throw new Error('expected the console methods, found ' + calls);
// console.table, as node's, throws on columns that are not an array
for (;;) { for (const k of calls) console[k]('x'.repeat(50), k === 'table' ? ['a'] : {a: 1}); }
