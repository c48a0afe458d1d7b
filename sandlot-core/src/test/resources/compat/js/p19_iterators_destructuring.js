// Custom iterables, destructuring with defaults, spread/rest.
class Matrix {
  constructor(rows) { this.rows = rows; }
  *[Symbol.iterator]() { for (const r of this.rows) yield* r; }
  get [Symbol.toStringTag]() { return 'Matrix'; }
  *cells() { for (let i = 0; i < this.rows.length; i++) for (let j = 0; j < this.rows[i].length; j++) yield { i, j, v: this.rows[i][j] }; }
}
const m = new Matrix([[1, 2, 3], [4, 5, 6]]);
console.log([...m].join(' '), Math.max(...m), Object.prototype.toString.call(m), String(m));
console.log([...m.cells()].filter(c => c.v % 2 === 0).map(({ i, j }) => `(${i},${j})`).join(''));
const countdown = { from: 3, [Symbol.iterator]() { let n = this.from; return { next: () => n >= 0 ? { value: n--, done: false } : { value: undefined, done: true }, return() { console.log('return called'); return { done: true }; } }; } };
for (const n of countdown) { if (n === 1) break; console.log('n', n); }
const [x, y = 'def', ...others] = countdown;
console.log(x, y, others);
const config = { server: { host: 'localhost', ports: [80, 443] }, debug: false, retries: 0 };
const { server: { host, ports: [http, https = 8443, extra = 'none'] }, debug = true, retries = 3, timeout = 1000, ...restCfg } = config;
console.log(host, http, https, extra, debug, retries, timeout, JSON.stringify(restCfg));
const swap = ([a, b]) => [b, a];
let p = 1, q = 2;
[p, q] = [q, p];
console.log(swap([1, 2]).join(), p, q);
const people = [{ name: 'A', age: 30, tags: ['x'] }, { name: 'B', tags: [] }, { name: 'C', age: 0 }];
for (const { name, age = 'n/a', tags: [firstTag = '-'] = [] } of people) console.log(name, age, firstTag);
function opts({ limit = 10, offset = 0, sort: { field = 'id', dir = 'asc' } = {} } = {}) { return `${limit}/${offset}/${field}/${dir}`; }
console.log(opts(), opts({ limit: 5 }), opts({ sort: { dir: 'desc' } }), opts(undefined));
const merged = { ...{ a: 1, b: 2 }, ...{ b: 3, c: 4 }, ...null, ...'hi', ...[9] };
console.log(JSON.stringify(merged));
const [, , third] = 'abcdef';
const { length } = 'hello';
const { 0: firstChar, [1 + 1]: thirdChar } = 'xyz';
console.log(third, length, firstChar, thirdChar);
const map = new Map([['k1', { v: 1 }], ['k2', { v: 2 }]]);
for (const [k, { v }] of map) console.log(k, v);
const arr = Array.from({ length: 5 }, (_, i) => i * i);
const [head, ...tail] = arr;
console.log(head, tail.join(), arr.entries().next().value.join(':'), [...arr.keys()].join(''), Array.from(arr.values()).length);
try { const [z] = null; } catch (e) { console.log('destructure null:', e.name); }
try { const { w } = undefined; } catch (e) { console.log('destructure undefined:', e.name); }
const iter = [1, 2, 3][Symbol.iterator]();
console.log(iter.next().value, [...iter].join(), iter.next().done, Object.prototype.toString.call(iter));
