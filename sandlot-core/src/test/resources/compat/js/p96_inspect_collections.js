// An inventory report printed the way agents print while exploring data: iterators of Maps and Sets, console.table
// of a Map, a Set, rows as arrays and a column filter, a big array cut at 100 items, errors with causes and extra
// properties, Promise.any's rejection, symbol keys, typed arrays and buffers, nested and circular structures.
const util = require('util');

const stock = new Map([
  ['apple', { qty: 12, price: 0.5 }],
  ['pear', { qty: 0, price: 0.75 }],
  ['plum', { qty: 30, price: 0.2 }],
]);
console.log('products:', stock.keys());
console.log(stock.entries());
const inStock = new Set([...stock].filter(([, item]) => item.qty > 0).map(([name]) => name));
console.log('in stock:', inStock.values());
const walk = stock.values();
console.log('first:', walk.next().value);
console.log('rest:', walk);
console.log([...walk].length, walk);
console.log(['a', 'b'].entries());

console.table(stock);
console.table(inStock);
console.table([['apple', 12], ['pear', 0], ['plum', 30, 'seasonal']]);
console.table([...stock].map(([name, item]) => ({ name, ...item })), ['name', 'qty']);
console.table([3, 'x', null]);

const readings = Array.from({ length: 250000 }, (_, i) => (i * 7) % 1000);
console.log(readings);
console.log(new Float32Array(readings.slice(0, 120)));
const ids = new Set(readings);
console.log(ids.size, ids);

const tag = Symbol('tag');
const record = { id: 7, [tag]: 'fresh', [Symbol.for('source')]: 'csv', when: new Date(Date.UTC(2024, 4, 1)) };
console.log(record);
console.log(new ArrayBuffer(3), new DataView(new ArrayBuffer(2)));
console.log(Buffer.from('stock'), new Uint16Array([1, 2, 300]));

const cause = new RangeError('quantity out of range');
cause.stack = 'RangeError: quantity out of range';
const failure = new Error('import failed', { cause });
failure.stack = 'Error: import failed';
failure.code = 'E_IMPORT';
failure.row = { line: 4, fields: ['pear', '-1'] };
console.log(failure);
console.log({ failure: cause });

const warehouse = { name: 'main', bins: [{ id: 1, items: [{ sku: 'a', tags: [['x']] }] }] };
warehouse.self = warehouse;
warehouse.bins[0].home = warehouse;
console.log(warehouse);
console.log(util.inspect(warehouse, { depth: 0 }), util.format('%o', [1, { a: 2 }]));

Promise.any([Promise.reject(new Error('no supplier A')), Promise.reject(new Error('no supplier B'))])
  .catch((error) => {
    console.log(error.name, '-', error.message, '-', error.errors.map((e) => e.message));
    console.log(String(error));
  });
