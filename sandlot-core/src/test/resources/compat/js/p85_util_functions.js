// node's util: format, inspect with custom inspection, deep equality, type checks, inherits, promisify, callbackify
const util = require('util');
const { promisify, callbackify, inspect, format, isDeepStrictEqual, types, inherits } = require('node:util');
console.log(format('%s has %d items costing %f: %j %o', 'cart', 3, 9.5, { a: 1 }, [1]), format('no args'), format(1, 'a', { b: 2 }));
console.log(inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), inspect('str'), inspect(new Map([[1, 2]])), inspect({ a: 1 }, { compact: false }));
console.log(typeof inspect.custom, inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
class Money { constructor(v) { this.v = v; } [inspect.custom]() { return `Money<${this.v}>`; } }
console.log(new Money(5), inspect(new Money(7)), [new Money(1)]);
console.log(isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), isDeepStrictEqual([1], ['1']), isDeepStrictEqual(new Set([1, { x: 1 }]), new Set([{ x: 1 }, 1])), isDeepStrictEqual(NaN, NaN), isDeepStrictEqual(0, -0), isDeepStrictEqual(new Date(1), new Date(1)), isDeepStrictEqual(/a/g, /a/i));
console.log(types.isDate(new Date()), types.isRegExp(/x/), types.isPromise(Promise.resolve()), types.isMap(new Map()), types.isSet(new Set()), types.isTypedArray(new Uint8Array(1)), types.isUint8Array(new Uint8Array()), types.isAsyncFunction(async () => {}), types.isGeneratorFunction(function* () {}), types.isNativeError(new TypeError()), types.isBoxedPrimitive(Object(1)), types.isArrayBuffer(new ArrayBuffer(1)), types.isDate({}), types.isRegExp(RegExp.prototype));
console.log(util.isArray([]), util.types === require('util/types'), typeof util.TextEncoder, util.stripVTControlCharacters('\u001b[31mred\u001b[39m'));
function Animal(name) { this.name = name; } Animal.prototype.speak = function () { return this.name + ' speaks'; };
function Dog(name) { Animal.call(this, name); } inherits(Dog, Animal); console.log(new Dog('rex').speak(), Dog.super_ === Animal);
const readLater = (x, cb) => setTimeout(() => (x < 0 ? cb(new Error('negative')) : cb(null, x * 2)), 1);
const readAsync = promisify(readLater);
(async () => {
  console.log('promisified', await readAsync(21));
  try { await readAsync(-1); } catch (e) { console.log('rejected', e.message); }
  const cbVersion = callbackify(async (x) => x + 1);
  cbVersion(1, (err, v) => console.log('callbackified', err, v, cbVersion.name));
  try { promisify(5); } catch (e) { console.log(e.code, e.message); }
})();
