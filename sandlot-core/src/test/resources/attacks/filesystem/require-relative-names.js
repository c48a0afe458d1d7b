// why: require() with relative, scoped, prototype or NUL-bearing names must not resolve to a host path or an Object.prototype member
// why: (node:fs is the guest-tree fs, see fs-*.js; node: before a name that is not a provided module loads nothing)
// expect: ok
// value: ["Error", "Error", "Error", "Error", "Error", "Error", "Error", "Error", "Error"]
['../arquero', 'arquero/package.json', 'node:arquero', 'node:child_process', '__proto__', 'constructor', 'arquero\u0000',
  '/etc/passwd', 'fs/../../etc/passwd'].map(n => {
  try { require(n); return 'loaded ' + n; } catch (e) { return e.name; }
})
