// node's assert: the error each assertion raises (name, code, message, operator, generatedMessage), as node 20's
const assert = require('assert');
const t = (f) => { try { f(); console.log('passed'); } catch (e) { console.log(JSON.stringify([e.name, e.code, e.message, e.operator, e.generatedMessage, String(e).slice(0, 40)])); } };
t(() => assert(false)); t(() => assert.ok(0, 'custom')); t(() => assert.ok()); t(() => assert(null));
t(() => assert.strictEqual(1, 2)); t(() => assert.strictEqual('a', 'b')); t(() => assert.strictEqual({a: 1}, {a: 1}));
t(() => assert.strictEqual([1, 2], [1, 3])); t(() => assert.notStrictEqual(1, 1)); t(() => assert.equal(1, 2)); t(() => assert.notEqual(1, '1'));
t(() => assert.deepStrictEqual({a: 1, b: [1, 2]}, {a: 1, b: [1, 3]})); t(() => assert.deepStrictEqual(1, 2)); t(() => assert.deepEqual({a: 1}, {a: 2}));
t(() => assert.notDeepStrictEqual({a: 1}, {a: 1})); t(() => assert.throws(() => {})); t(() => assert.throws(() => {}, TypeError));
t(() => assert.throws(() => { throw new Error('x'); }, /y/)); t(() => assert.throws(() => { throw new Error('x'); }, {message: 'z'}));
t(() => assert.doesNotThrow(() => { throw new Error('boom'); })); t(() => assert.match('abc', /x/)); t(() => assert.doesNotMatch('abc', /b/));
t(() => assert.fail()); t(() => assert.fail('bad')); t(() => assert.ifError(new Error('e1'))); t(() => assert.ifError(null));
t(() => assert.deepStrictEqual(new Map([[1, {a: 1}]]), new Map([[1, {a: 1}]]))); t(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 3, 4]));
t(() => assert.strictEqual(NaN, NaN)); t(() => assert.deepStrictEqual(-0, 0)); t(() => assert.deepEqual(-0, 0)); t(() => assert.deepEqual(1, '1'));
t(() => assert.strict.equal(1, '1')); console.log(assert.strict.strict === assert.strict, typeof assert.AssertionError, Object.keys(assert).sort().join());
assert.rejects(Promise.resolve(1)).catch((e) => console.log('rejects:', e.message));
