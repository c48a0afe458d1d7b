// CSV parsing and formatting with the bundled d3-dsv.
const d3 = require('d3-dsv');
const text = `name,dept,salary,start
"Smith, Jane",Eng,120000,2019-04-01
Bob,Sales,70000,2020-01-15
"O""Neil",Eng,95000,2018-07-23
Dana,,80000,`;
const rows = d3.csvParse(text, d3.autoType);
console.log(rows.length, JSON.stringify(rows.columns));
for (const r of rows) console.log(JSON.stringify(r));
console.log(rows[0].start instanceof Date, rows[3].start, typeof rows[1].salary);
const raw = d3.csvParse(text);
console.log(JSON.stringify(raw[3]));
const tsv = d3.tsvFormat(rows.map(r => ({ name: r.name, salary: r.salary })));
console.log(tsv);
console.log(d3.csvFormat([{ a: 'x,y', b: 'say "hi"', c: null, d: new Date(Date.UTC(2024, 0, 2)) }]));
console.log(JSON.stringify(d3.csvParseRows('1,2,3\n4,5,6', (r, i) => r.map(Number).concat(i))));
const byDept = {};
for (const r of rows) (byDept[r.dept ?? '(none)'] ??= []).push(r.salary);
console.log(JSON.stringify(byDept));
console.log(d3.dsvFormat(';').parse('a;b\n1;2')[0].b);
