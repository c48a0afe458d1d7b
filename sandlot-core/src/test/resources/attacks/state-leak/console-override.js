// why: a replaced console.log would capture or hide the next guest's output
// expect: ok
// then: [console.log.name, Object.keys(console).includes('leak')]
// then-value: ["log", false]
console.log = function leak() {}; console.leak = 1;
