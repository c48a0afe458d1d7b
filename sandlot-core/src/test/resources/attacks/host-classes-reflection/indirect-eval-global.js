// why: indirect eval runs in the global scope, a different path than direct eval
// expect: ok
// value: ["undefined", "undefined", "undefined"]
const geval = eval;
[geval('typeof Java'), geval('typeof Packages'), geval('typeof loadWithNewGlobal')]
