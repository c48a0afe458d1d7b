// why: every global a JS attacker would try for the environment
// expect: ok
// value: ["undefined", "undefined", "undefined", "undefined", "undefined"]
[typeof process, typeof environment, typeof $ENV, typeof env, typeof Deno]
