// why: freezing intrinsics would break the next guest
// expect: ok
// then: [Object.isFrozen(Object.prototype), Object.isFrozen(Array.prototype), Object.isSealed(globalThis)]
// then-value: [false, false, false]
Object.freeze(Object.prototype); Object.freeze(Array.prototype); Object.seal(globalThis);
