// why: replacing builtins the next guest relies on
// expect: ok
// then: [[1, 2].map(x => x * 2), 'a'.toUpperCase(), Math.max(1, 2), JSON.parse('[3]'), Math.max.call(null, 4, 5)]
// then-value: [[2, 4], "A", 2, [3], 5]
Array.prototype.map = () => 'pwned'; String.prototype.toUpperCase = () => 'pwned';
Math.max = () => -1; JSON.parse = () => 'pwned'; Function.prototype.call = () => 'pwned';
