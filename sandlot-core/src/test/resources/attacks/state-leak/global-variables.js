// why: globals of one execution must not exist in the next
// expect: ok
// then: [typeof leaked, typeof alsoLeaked, typeof leakedFn]
// then-value: ["undefined", "undefined", "undefined"]
globalThis.leaked = 1; var alsoLeaked = 2; function leakedFn() {}
