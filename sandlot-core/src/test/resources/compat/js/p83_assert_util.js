// A data check written with node's assert and util: validate parsed records, report what failed, compare
// structures, and turn a callback API into promises.
const assert = require('node:assert/strict');
const util = require('util');

const csv = 'id,region,amount\n1,north,120.5\n2,south,-3\n3,north,80\n4,,15';
const records = csv.split('\n').slice(1).map((line) => {
  const [id, region, amount] = line.split(',');
  return { id: Number(id), region, amount: Number(amount) };
});

const problems = [];
for (const record of records) {
  try {
    assert.ok(record.region, `record ${record.id} has no region`);
    assert(record.amount >= 0, `record ${record.id} has a negative amount`);
  } catch (error) {
    problems.push(`${error.name} [${error.code}] ${error.message}`);
  }
}
console.log(problems);

const totals = {};
for (const { region, amount } of records.filter((r) => r.region && r.amount >= 0)) {
  totals[region] = (totals[region] ?? 0) + amount;
}
assert.deepEqual(totals, { north: 200.5 });
console.log('totals', util.inspect(totals), util.isDeepStrictEqual(totals, { north: 200.5 }));

try {
  assert.deepEqual({ north: 200.5, south: 1 }, totals);
} catch (error) {
  console.log(error.message);
  console.log(String(error).split('\n')[0], error.operator, error.generatedMessage);
}
try {
  assert.equal(records.length, 5);
} catch (error) {
  console.log(error.message, error.actual, error.expected);
}
assert.throws(() => JSON.parse('{'), SyntaxError);
assert.throws(() => { throw new RangeError('amount out of range'); }, { name: 'RangeError', message: /range/ });
assert.match('north-2024', /^\w+-\d{4}$/);
console.log(util.format('%d records, %s, %j', records.length, 'checked', { problems: problems.length }));
console.log(util.types.isDate(new Date(0)), util.types.isRegExp(/x/), util.types.isPromise(Promise.resolve()));

const fetchAmount = (id, callback) => setTimeout(() => (id > 3 ? callback(new Error(`no record ${id}`))
  : callback(null, records[id - 1].amount)), 1);
const fetchAmountAsync = util.promisify(fetchAmount);
(async () => {
  console.log('amounts', await Promise.all([1, 2, 3].map((id) => fetchAmountAsync(id))));
  await assert.rejects(fetchAmountAsync(9), /no record 9/);
  console.log('rejected as expected');
})();
