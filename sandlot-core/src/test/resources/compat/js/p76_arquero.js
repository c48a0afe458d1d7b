// Dataframe work with the bundled arquero.
const aq = require('arquero');
const op = aq.op;
const t = aq.from([
  { region: 'North', product: 'A', units: 12, price: 9.5 }, { region: 'South', product: 'B', units: 3, price: 24 },
  { region: 'North', product: 'B', units: 7, price: 24 }, { region: 'East', product: 'A', units: 20, price: 9.5 },
  { region: 'South', product: 'A', units: 1, price: 9.5 }, { region: 'East', product: 'C', units: 5, price: 3.75 },
]);
const summary = t.derive({ revenue: d => d.units * d.price })
  .groupby('region')
  .rollup({ n: op.count(), units: op.sum('units'), revenue: op.sum('revenue'), avg: op.mean('revenue') })
  .orderby(aq.desc('revenue'));
console.log(JSON.stringify(summary.objects()));
console.log(summary.numRows(), summary.columnNames().join(','));
const pivot = t.groupby('region').pivot('product', { u: d => op.sum(d.units) }).orderby('region');
console.log(JSON.stringify(pivot.objects()));
const csv = aq.fromCSV('city,temp\nOslo,3.5\nRome,18\nCairo,29.25');
console.log(csv.filter(d => d.temp > 10).array('city').join(','), csv.toCSV());
console.log(t.filter(d => op.includes(d.product, 'B')).select('region', 'units').toCSV());
console.log(JSON.stringify(t.groupby('product').count().orderby('product').objects()));
console.log(t.rollup({ med: op.median('units'), sd: op.stdev('units'), q3: op.quantile('units', 0.75) }).objects()[0]);
console.log(t.orderby('units').slice(0, 2).toMarkdown());
