// why: prototype pollution is the JS way to poison later code
// expect: ok
// then: [({}).polluted, [].polluted, Object.prototype.hasOwnProperty('polluted')]
// then-value: [null, null, false]
Object.prototype.polluted = 'yes'; Array.prototype.polluted = 'yes';
