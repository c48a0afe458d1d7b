// JSON.stringify with indent, replacer, toJSON, special values.
const report = {
  title: 'Q1 report',
  generated: new Date(Date.UTC(2024, 2, 31, 23, 59, 59, 123)),
  totals: { revenue: 1234.5, costs: 999.999, margin: 0.1 + 0.2 },
  tags: ['a', 'b', undefined, null, () => 1, Symbol('x')],
  nested: { deep: { deeper: { deepest: [1, [2, [3, [4]]]] } } },
  nothing: undefined,
  fn() { return 1; },
  nan: NaN, inf: -Infinity, negz: -0,
  big: 1e21, small: 1e-7, int: 100,
  emptyObj: {}, emptyArr: [],
  [Symbol('hidden')]: 'hidden',
  money: { amount: 12.3, toJSON() { return `$${this.amount.toFixed(2)}`; } },
};
console.log(JSON.stringify(report));
console.log(JSON.stringify(report, null, 2));
console.log(JSON.stringify(report.totals, null, '\t'));
console.log(JSON.stringify(report.totals, null, '--->'));
console.log(JSON.stringify(report.totals, null, 20));
console.log(JSON.stringify(report, ['title', 'totals', 'revenue']));
console.log(JSON.stringify(report, (k, v) => typeof v === 'number' ? Math.round(v) : v, 1));
console.log(JSON.stringify(report.nested, (k, v) => (k === 'deeper' ? undefined : v)));
console.log(JSON.stringify('he said "hi"\n\ttab \u0001 \u2028 \ud800 😀'));
console.log(JSON.stringify([new Date(NaN)]));
console.log(JSON.stringify({ a: [] }, null, 2), JSON.stringify([[]], null, 2));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(null), JSON.stringify(Symbol()));
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(new Int8Array([1, 2])));
console.log(JSON.stringify({ key: 'value' }, null, ''), JSON.stringify([1, 2], null, 0));
console.log(JSON.stringify(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })));
console.log(JSON.stringify({ b: 1, a: 2, 10: 'x', 2: 'y' }));
try {
  const cyc = { name: 'loop' };
  cyc.self = cyc;
  JSON.stringify(cyc);
} catch (e) {
  console.log('cycle error:', e.name);
}
try { JSON.stringify({ n: 10n }); } catch (e) { console.log('bigint error:', e.name); }
