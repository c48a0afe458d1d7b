// why: require() with relative, scoped, prototype or NUL-bearing names must not resolve to a host path or an Object.prototype member
// expect: ok
// value: ["Error", "Error", "Error", "Error", "Error", "Error", "Error"]
['../arquero', 'arquero/package.json', 'node:fs', '__proto__', 'constructor', 'arquero\u0000', '/etc/passwd'].map(n => {
  try { require(n); return 'loaded ' + n; } catch (e) { return e.name; }
})
