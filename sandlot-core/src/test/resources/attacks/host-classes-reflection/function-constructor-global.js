// why: Function('return this')() yields the real global object; it must not hold any host door
// expect: ok
// value: ["undefined", "undefined", "undefined", "undefined", "undefined"]
const g = Function('return this')();
[typeof g.Java, typeof g.Packages, typeof g.java, typeof g.Polyglot, typeof g.Graal]
