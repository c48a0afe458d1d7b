// Parse a small CSV (with quoted fields), compute stats, print a table.
const csv = `date,region,product,units,unit_price,notes
2024-01-03,North,"Widget, large",12,19.99,"first order"
2024-01-04,South,Gadget,5,4.50,
2024-01-04,North,Gadget,7,4.50,"said ""urgent"""
2024-01-05,East,"Widget, large",3,19.99,
2024-01-06,South,Doohickey,20,1.25,bulk
2024-01-06,West,Gadget,,4.50,missing units
2024-01-07,East,Doohickey,8,1.25,`;
function parseLine(line) {
  const out = []; let cur = ''; let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}
const [header, ...lines] = csv.split('\n');
const cols = parseLine(header);
const rows = lines.map(l => Object.fromEntries(parseLine(l).map((v, i) => [cols[i], v])));
console.log('columns:', cols.join(' | '), 'rows:', rows.length);
const clean = rows.filter(r => r.units !== '').map(r => ({ ...r, units: +r.units, unit_price: parseFloat(r.unit_price), revenue: +r.units * parseFloat(r.unit_price) }));
console.log('dropped', rows.length - clean.length, 'rows with missing units');
const byProduct = {};
for (const r of clean) {
  const p = byProduct[r.product] ??= { units: 0, revenue: 0 };
  p.units += r.units; p.revenue += r.revenue;
}
const tableRows = Object.entries(byProduct).sort(([, a], [, b]) => b.revenue - a.revenue);
const w = Math.max(...tableRows.map(([k]) => k.length), 'product'.length);
console.log('product'.padEnd(w), 'units'.padStart(6), 'revenue'.padStart(10));
console.log('-'.repeat(w + 18));
for (const [p, s] of tableRows) console.log(p.padEnd(w), String(s.units).padStart(6), s.revenue.toFixed(2).padStart(10));
const revs = clean.map(r => r.revenue).sort((a, b) => a - b);
const mean = revs.reduce((a, b) => a + b) / revs.length;
const median = revs.length % 2 ? revs[(revs.length - 1) / 2] : (revs[revs.length / 2 - 1] + revs[revs.length / 2]) / 2;
const sd = Math.sqrt(revs.reduce((a, b) => a + (b - mean) ** 2, 0) / revs.length);
console.log(`mean=${mean.toFixed(3)} median=${median} sd=${sd.toFixed(3)} min=${revs[0]} max=${revs.at(-1)}`);
console.log('notes with quotes:', rows.filter(r => r.notes.includes('"')).map(r => r.notes));
console.log('revenue list:', revs);
const daily = Object.entries(clean.reduce((m, r) => ({ ...m, [r.date]: (m[r.date] || 0) + r.revenue }), {}));
console.log(daily.map(([d, v]) => `${d.slice(5)}=${v.toFixed(1)}`).join(' '));
