// why: every global a JS attacker would try for the environment; node's process exists (JsProcess), with an empty env
// expect: ok
// value: [0, "undefined", "undefined", "undefined", "undefined"]
[Object.keys(process.env).length, typeof environment, typeof $ENV, typeof env, typeof Deno]
