// An agent's file round trip with node's fs: write a CSV, read it back, aggregate, write a report, list and stat
// what is there, and handle a missing file as node reports it.
const fs = require('fs');
const path = 'orders.csv';

const rows = [['id', 'customer', 'amount', 'status']];
const customers = ['acme', 'globex', 'initech', 'umbrella'];
for (let i = 1; i <= 12; i++) {
  rows.push([i, customers[i % customers.length], (i * 7.25).toFixed(2), i % 3 === 0 ? 'refunded' : 'paid']);
}
fs.writeFileSync(path, rows.map((r) => r.join(',')).join('\n') + '\n');
fs.appendFileSync(path, '13,acme,99.99,paid\n');

const [header, ...lines] = fs.readFileSync(path, 'utf8').trim().split('\n');
const columns = header.split(',');
const records = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
const byCustomer = new Map();
for (const r of records.filter((r) => r.status === 'paid')) {
  const entry = byCustomer.get(r.customer) ?? { orders: 0, total: 0 };
  entry.orders += 1;
  entry.total += Number(r.amount);
  byCustomer.set(r.customer, entry);
}
const report = [...byCustomer].sort((a, b) => b[1].total - a[1].total)
  .map(([customer, { orders, total }]) => ({ customer, orders, total: Math.round(total * 100) / 100 }));
console.table(report);

fs.mkdirSync('out/reports', { recursive: true });
fs.writeFileSync('out/reports/customers.json', JSON.stringify(report, null, 2));
fs.copyFileSync(path, 'out/orders-backup.csv');
console.log(fs.readdirSync('out', { recursive: true }).sort());
const stat = fs.statSync('out/reports/customers.json');
console.log(stat.isFile(), stat.isDirectory(), stat.size, fs.statSync('out').isDirectory());
console.log(JSON.parse(fs.readFileSync('out/reports/customers.json', 'utf8'))[0]);

for (const missing of ['nope.csv', 'out/reports/none.json']) {
  try {
    fs.readFileSync(missing, 'utf8');
  } catch (error) {
    console.log(error.code, error.syscall, error.path, '|', error.message);
  }
}
console.log(fs.existsSync(path), fs.existsSync('nope.csv'));
fs.rmSync('out', { recursive: true, force: true });
fs.unlinkSync(path);
console.log(fs.readdirSync('.').filter((name) => name === 'out' || name === path));
