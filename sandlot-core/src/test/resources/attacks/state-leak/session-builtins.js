// why: builtins replaced in one session must be pristine in another
// expect: ok
// mode: session
// then: [[3, 1, 2].sort().join(), JSON.stringify({a: 1})]
// then-value: ["1,2,3", "{\"a\":1}"]
Array.prototype.sort = function () { return 'pwned'; }; JSON.stringify = () => 'pwned';
