// console.table of a list of records, if available.
const rows = [
  { city: 'Berlin', pop: 3.6, country: 'DE' },
  { city: 'Paris', pop: 2.1, country: 'FR' },
  { city: 'Madrid', pop: 3.3 },
];
if (typeof console.table === 'function') {
  console.table(rows);
  console.table(rows, ['city']);
  console.table([[1, 2], [3, 4]]);
} else {
  console.log('console.table is not available');
  for (const r of rows) console.log(Object.values(r).join('\t'));
}
