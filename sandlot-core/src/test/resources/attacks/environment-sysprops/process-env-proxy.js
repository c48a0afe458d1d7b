// why: a guest defining its own process object must not receive the host's values
// expect: ok
// value: "undefined"
globalThis.process = {env: {}};
String(process.env.PATH)
