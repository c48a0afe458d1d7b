// why: a module's top-level names stay in the module (a module has no completion value, as in node); the next
// why: execution runs in a fresh context all the same
// expect: ok
// value: null
// then: typeof leaked + typeof globalThis.fromModule
// then-value: "undefinedundefined"
export const leaked = 1;
globalThis.fromModule = await Promise.resolve(7);
fromModule
