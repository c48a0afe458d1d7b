// JSON.parse of edge values and reviver.
const inputs = [
  '{"a":1,"b":[1,2,3],"c":{"d":null}}',
  '12345678901234567890',
  '1e400', '-1e400', '-0', '0.1', '1E+2', '"\\u00e9\\ud83d\\ude00"',
  '{"__proto__": {"polluted": true}, "x": 1}',
  '{"dup": 1, "dup": 2}',
  '  [ true , false , null ]  ',
  '"line\\nbreak"',
  '9007199254740993',
  '0.30000000000000004',
  '123.456e-2',
];
for (const s of inputs) {
  const v = JSON.parse(s);
  console.log(s.padEnd(45), '=>', typeof v, JSON.stringify(v), Object.is(v, -0) ? '(negative zero)' : '');
}
const obj = JSON.parse('{"__proto__": {"polluted": true}}');
console.log('own __proto__ key:', Object.keys(obj), ({}).polluted, obj.polluted);

const withDates = JSON.parse('{"created":"2024-05-01T10:00:00.000Z","n":"5","list":[1,"2",3]}', (k, v) => {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return new Date(v);
  if (k === 'n') return Number(v);
  return v;
});
console.log(withDates.created instanceof Date, withDates.created.getUTCHours(), withDates.n + 1);

const order = [];
JSON.parse('{"a":{"b":1,"c":[2,3]},"d":4}', function (k, v) { order.push(k === '' ? '(root)' : k); return v; });
console.log('reviver order:', order.join(' '));

const removed = JSON.parse('{"keep":1,"drop":2,"arr":[1,2,3]}', (k, v) => (k === 'drop' || v === 2 ? undefined : v));
console.log(JSON.stringify(removed), removed.arr.length, 1 in removed.arr);

const bad = ['', '{', '{a:1}', "{'a':1}", '[1,]', 'undefined', 'NaN', '01', '"\t"', '{"a":1}x'];
let failures = 0;
for (const s of bad) {
  try { JSON.parse(s); console.log('parsed?!', s); } catch (e) { failures++; console.log('bad:', JSON.stringify(s), e.name); }
}
console.log('failures', failures, 'of', bad.length);
