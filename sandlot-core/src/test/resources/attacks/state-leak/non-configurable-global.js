// why: a non-configurable global cannot be deleted: it must still be gone in the next execution
// expect: ok
// then: typeof sticky
// then-value: "undefined"
Object.defineProperty(globalThis, 'sticky', {value: 'leak', configurable: false, writable: false});
