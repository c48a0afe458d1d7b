// Building a text report with quotes, escapes and multi-line strings.
const items = [
  { sku: 'A-1', title: 'Bob\'s "Best" Widget', desc: 'Line one\nLine two', price: 12.5 },
  { sku: 'B-22', title: 'Tab\tSeparated', desc: 'Back\\slash', price: 0.99 },
  { sku: 'C-333', title: 'Ünïcödé ✓', desc: '', price: 1000 },
];
const lines = [];
lines.push('SKU    | TITLE                     | PRICE');
for (const it of items) lines.push(`${it.sku.padEnd(6)} | ${it.title.padEnd(25)} | ${it.price.toFixed(2).padStart(7)}`);
console.log(lines.join('\n'));
console.log(JSON.stringify(items, null, 2));
const csvEscape = v => /[",\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
console.log(items.map(i => [i.sku, i.title, i.desc, i.price].map(csvEscape).join(',')).join('\n'));
const md = ['| sku | title |', '|---|---|', ...items.map(i => `| ${i.sku} | ${i.title.replace(/\|/g, '\\|')} |`)].join('\n');
console.log(md);
const html = s => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
console.log(html(items[0].title + ' <b>&</b>'));
console.log('Escapes:', '\x41\u0042\u{43}', '\101', 'a\
b', `multi
line`, '\'', "\"", `\``);
console.log(JSON.stringify({ s: '\u2028\u2029', e: '\u001b[31m', n: '\n' }), JSON.stringify('\ud834\udd1e'));
console.log(String.raw`\n is not a newline`, 'end');
