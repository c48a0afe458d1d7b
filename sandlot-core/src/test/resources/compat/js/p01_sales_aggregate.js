// Aggregate sales by region and product, print a summary report.
const sales = [
  { id: 1, region: 'North', product: 'Widget', units: 12, price: 9.99, date: '2024-01-15' },
  { id: 2, region: 'South', product: 'Gadget', units: 3, price: 24.5, date: '2024-01-17' },
  { id: 3, region: 'North', product: 'Gadget', units: 7, price: 24.5, date: '2024-02-02' },
  { id: 4, region: 'East', product: 'Widget', units: 20, price: 9.99, date: '2024-02-10' },
  { id: 5, region: 'South', product: 'Widget', units: 1, price: 9.99, date: '2024-02-11' },
  { id: 6, region: 'East', product: 'Doohickey', units: 5, price: 3.75, date: '2024-03-01' },
  { id: 7, region: 'North', product: 'Doohickey', units: 9, price: 3.75, date: '2024-03-05' },
  { id: 8, region: 'West', product: 'Gadget', units: 11, price: 24.5, date: '2024-03-09' },
  { id: 9, region: 'West', product: 'Widget', units: 4, price: 9.99, date: '2024-03-21' },
  { id: 10, region: 'East', product: 'Gadget', units: 2, price: 24.5, date: '2024-03-30' },
];

const byRegion = sales.reduce((acc, s) => {
  const revenue = s.units * s.price;
  acc[s.region] = acc[s.region] || { units: 0, revenue: 0, orders: 0 };
  acc[s.region].units += s.units;
  acc[s.region].revenue += revenue;
  acc[s.region].orders += 1;
  return acc;
}, {});

console.log('Revenue by region:');
for (const [region, stats] of Object.entries(byRegion)) {
  console.log(`  ${region.padEnd(6)} units=${String(stats.units).padStart(3)} revenue=$${stats.revenue.toFixed(2).padStart(8)} avg=${(stats.revenue / stats.orders).toFixed(2)}`);
}

const byProduct = {};
for (const s of sales) {
  (byProduct[s.product] ??= []).push(s.units);
}
const productTotals = Object.fromEntries(
  Object.entries(byProduct).map(([p, u]) => [p, u.reduce((a, b) => a + b, 0)])
);
console.log('Units by product:', JSON.stringify(productTotals));

const byMonth = new Map();
for (const s of sales) {
  const month = s.date.slice(0, 7);
  byMonth.set(month, (byMonth.get(month) || 0) + s.units * s.price);
}
console.log('Monthly revenue:');
for (const [m, r] of byMonth) console.log(' ', m, r.toFixed(2), Math.round(r));

const total = sales.reduce((t, s) => t + s.units * s.price, 0);
console.log('Total revenue:', total);
console.log('Total revenue (rounded):', Math.round(total * 100) / 100);
const best = [...Object.entries(byRegion)].sort((a, b) => b[1].revenue - a[1].revenue)[0];
console.log('Best region:', best[0], 'with', best[1].revenue.toFixed(2));
const share = Object.entries(byRegion).map(([r, s]) => `${r}: ${(100 * s.revenue / total).toFixed(1)}%`);
console.log(share.join(', '));
