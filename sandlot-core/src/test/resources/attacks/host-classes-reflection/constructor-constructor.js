// why: the classic sandbox escape: walk from any object to Function and evaluate in the global scope
// expect: ok
// value: ["undefined", "undefined", "undefined"]
const f = ({}).constructor.constructor;
[f('return typeof Java')(), f('return typeof Packages')(), f('return typeof this.Polyglot')()]
