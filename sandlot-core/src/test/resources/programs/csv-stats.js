// An agent's everyday job in JavaScript: 100,000 rows of CSV text parsed, grouped and summarised.
// Prints the same on node and in Sandlot, under Sandlot's default limits.
const REGIONS = ['north', 'south', 'east', 'west', 'central'];
const lines = ['id,region,units,price'];
for (let i = 0; i < 100000; i++) {
  lines.push([i, REGIONS[i % 5], (i * 7919) % 113, (((i * 104729) % 10007) / 100).toFixed(2)].join(','));
}
const [header, ...body] = lines.join('\n').split('\n');
const columns = header.split(',');
const rows = body.map(line => Object.fromEntries(line.split(',').map((v, j) => [columns[j], v])));
const byRegion = new Map();
for (const row of rows) {
  const value = Number(row.units) * Number(row.price);
  if (!byRegion.has(row.region)) byRegion.set(row.region, []);
  byRegion.get(row.region).push(value);
}
const round = (x, digits) => Number(x.toFixed(digits));
const summary = {};
for (const [region, values] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  summary[region] = {count: values.length, mean: round(mean, 4), median: round(median, 4), stdev: round(Math.sqrt(variance), 4)};
}
console.log(rows.length);
console.log(JSON.stringify(summary));
