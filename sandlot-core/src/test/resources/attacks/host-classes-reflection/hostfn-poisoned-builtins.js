// why: a guest replaces JSON.parse and Error before calling a host function; the wrapper must not use them
// expect: ok
// policy: hostfn
// value: [[1, "two"]]
JSON.parse = () => { throw new Error('poisoned'); };
globalThis.Error = function () { return 'poisoned'; };
Object.prototype.ok = false;
[echo(1, 'two')]
