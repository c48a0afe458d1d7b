// why: the sandbox wraps Map and Set's iterator methods (and their prototypes' next) so that inspect can show an
// why: iterator's remaining entries without consuming it; the guest tries to reach what the wrappers keep (the
// why: collection, the position, the printer's internals), to make the preview run its code (replaced next, size,
// why: entries and Symbol.iterator), to desynchronise its iterators or consume them through it, and to make a
// why: preview cost more than what is printed: it must find nothing, and its iterators must go on as node's do
// expect: ok
// limits: maxMemoryMb=128
// value: [[], "[Map Iterator] { 'b', 'c' }", "c", "[Map Iterator] { 'c' }", "c", "[Set Iterator] { 2, 3 }", 0, "{}", "[Map Iterator] { 'y' }", "103 ... 299800 more items"]
const util = require('util');
const found = [];
const big = new Map();
for (let i = 0; i < 3e5; i++) big.set(i, i);
const bigIterator = big.keys();
for (let i = 0; i < 100; i++) bigIterator.next();
const map = new Map([['a', 1], ['b', 2], ['c', 3]]);
const keys = map.keys();
keys.next();
// a next called on another iterator, or on what is not one, must move only the iterator it was called on
const other = map.keys();
keys.next.call(other);
for (const receiver of [{}, null, new Proxy({}, {}), map]) {
  try {
    keys.next.call(receiver);
    found.push('no TypeError');
  } catch (e) {
    // a TypeError, as node's
  }
}
// replaced methods and accessors must not be called by the preview
const ran = [];
const proto = Object.getPrototypeOf(new Map().entries());
const protoNext = proto.next;
Object.defineProperty(Map.prototype, 'size', { get() { ran.push('size'); return 1e9; }, configurable: true });
const shown = util.inspect(keys);
proto.next = function () { ran.push('next'); return protoNext.call(this); };
Map.prototype.entries = function () { ran.push('entries'); return {}; };
Map.prototype.keys = function () { ran.push('keys'); return {}; };
Map.prototype[Symbol.iterator] = function () { ran.push('iterator'); return [][Symbol.iterator](); };
const otherRest = util.inspect(other).includes("'c'") ? 'c' : util.inspect(other);
found.push(...ran);
keys.next.call(keys);
const shownAfter = util.inspect(keys);
const last = keys.next().value;
const set = new Set([1, 2, 3]);
const values = set.values();
values.next();
// what the wrappers keep is not reachable from what the guest sees
const own = Object.getOwnPropertyDescriptor(values, 'next');
if (own !== undefined) {
  for (const key of Reflect.ownKeys(own.value)) {
    if (key !== 'length' && key !== 'name') found.push('function key ' + String(key));
  }
  try {
    new own.value();
    found.push('constructible');
  } catch (e) {
    // not a constructor, as node's next
  }
}
for (const fn of [Set.prototype.values, Map.prototype.get, Object.getPrototypeOf(values).next]) {
  const text = Function.prototype.toString.call(fn);
  for (const word of ['java', 'Java', 'Polyglot', 'sandlot', 'internals', 'host']) {
    if (text.includes(word)) found.push('source ' + word);
  }
}
// deleting the own next leaves the iterator counted by its prototype's
const replaced = new Set(['x', 'y']).values();
delete replaced.next;
replaced.next();
const bigShown = util.inspect(bigIterator);
[found, shown, otherRest, shownAfter, last, util.inspect(values), Object.keys(values).length, JSON.stringify(values),
  util.inspect(replaced).replace('Set', 'Map'), bigShown.split('\n').length + ' ' + bigShown.match(/\.\.\. \d+ more \w+/)[0]]
