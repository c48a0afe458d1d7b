// Symbols, well-known symbols and toStringTag.
const id = Symbol('id');
const reg = Symbol.for('app.registry');
const obj = { [id]: 1, name: 'x', [Symbol.toStringTag]: 'Custom' };
console.log(String(id), id.description, Symbol.keyFor(reg), Symbol.keyFor(id), reg === Symbol.for('app.registry'));
console.log(Object.prototype.toString.call(obj), String(obj), `${Object.prototype.toString.call(null)}`, Object.prototype.toString.call([]), Object.prototype.toString.call(new Date(0)));
console.log(JSON.stringify(obj), Object.keys(obj).length, Object.getOwnPropertySymbols(obj).map(s => s.toString()).join(','));
class Money {
  constructor(c) { this.cents = c; }
  [Symbol.toPrimitive](hint) { return hint === 'number' ? this.cents / 100 : hint === 'string' ? `$${(this.cents / 100).toFixed(2)}` : this.cents / 100; }
}
const m = new Money(1999);
console.log(+m, `${m}`, m + 1, m * 2, String(m), [m] + '', m > 10);
class Range { constructor(a, b) { this.a = a; this.b = b; } *[Symbol.iterator]() { for (let i = this.a; i <= this.b; i++) yield i; } static [Symbol.hasInstance](x) { return typeof x === 'number'; } }
console.log([...new Range(1, 5)].join(''), 5 instanceof Range, 'x' instanceof Range);
const re = { [Symbol.split](s) { return s.split('').reverse(); } };
console.log('abc'.split(re).join(''));
const arrLike = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true };
console.log([1].concat(arrLike).join(','), Array.from(arrLike).join(''));
console.log(typeof Symbol.asyncIterator, Symbol.iterator.toString(), Symbol('').description === '', Symbol().description);
console.log(Object(id) instanceof Symbol, typeof Object(id), [Symbol.for('a')].length);
try { id + ''; } catch (e) { console.log('symbol concat:', e.name); }
try { new Symbol(); } catch (e) { console.log('new Symbol:', e.name); }
