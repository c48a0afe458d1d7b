// String utilities commonly used in data cleaning.
const raw = '  Hello, World!  The quick brown fox; jumps over: the lazy dog.  ';
console.log(JSON.stringify(raw.trim()), JSON.stringify(raw.trimStart()), JSON.stringify(raw.trimEnd()));
console.log(raw.trim().split(/[\s,;:.!]+/).filter(Boolean).join('|'));
console.log('a1b2c3'.split(/(\d)/).join('|'), 'a,b,,c'.split(',').length, ''.split(',').length, 'abc'.split('').join('-'));
console.log('one  two   three'.split(/\s+/, 2).join('|'), 'x'.split(/(?:)/u).length, 'test'.split('t').length);
console.log('5'.padStart(3, '0'), 'abc'.padStart(8, '12'), 'abc'.padEnd(6, '.') + '|', 'toolong'.padStart(3, '*'));
console.log('a-b-c'.replaceAll('-', '+'), 'aaa'.replaceAll('a', '$&$&'), 'x.y.z'.replaceAll('.', '$$'), 'abc'.replace('b', "$'$`"));
const text = 'Order #123 shipped on 2024-03-05; order #456 shipped on 2024-04-11.';
for (const m of text.matchAll(/#(?<id>\d+) shipped on (?<date>\d{4}-\d{2}-\d{2})/g)) {
  console.log('match', m.index, m[0], m.groups.id, m.groups.date);
}
console.log('hello'.at(-1), 'hello'.at(10), [1, 2, 3].at(-2), 'hello'.charAt(10) === '', 'hello'[10]);
console.log('Straße'.toUpperCase(), 'İstanbul'.toLowerCase().length, 'ǅ'.toLowerCase(), 'ΣΑΣ'.toLowerCase(), 'ﬁ'.toUpperCase());
console.log('café' === 'cafe\u0301', 'café'.normalize('NFD').length, 'cafe\u0301'.normalize('NFC') === 'café', 'ﬁ'.normalize('NFKC'));
console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('A'), 'ä'.localeCompare('z', 'de'), 'ä'.localeCompare('z', 'sv'));
console.log('abc'.includes('b'), 'abc'.startsWith('ab'), 'abc'.endsWith('bc', 2), 'abcabc'.indexOf('c', 3), 'abcabc'.lastIndexOf('a'));
console.log('ab'.repeat(3), 'Title Case Words'.split(' ').map(w => w[0].toLowerCase() + w.slice(1)).join(''), 'snake_case_here'.replace(/_(\w)/g, (_, c) => c.toUpperCase()));
console.log(String.raw`C:\new\table ${1 + 1}`, `line1
line2`.split('\n').length, 'tab\there'.length);
console.log('abc'.codePointAt(1), String.fromCharCode(72, 105), 'z'.charCodeAt(0).toString(16), 'abc'.concat(1, [2, 3]));
console.log('%', 'The total is %d'.replace('%d', 42), 'a\u0000b'.length, encodeURIComponent('a b&c=d/é'), decodeURIComponent('%E2%9C%93'), encodeURI('http://x.com/a b?q=1&r=é'));
console.log(escape ? escape('a b') : 'no escape', 'abc'.substring(2, 0), 'abc'.substr(-2, 1), 'abcdef'.slice(-3, -1));
console.log('isWellFormed' in String.prototype, 'ab\uD800'.isWellFormed?.(), 'ab\uD800'.toWellFormed?.().charCodeAt(2));
const slug = s => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
console.log(slug('Crème Brûlée — Recipe #1!'), slug('  Ünïcödé  Strïng  '));
const words = 'the cat and the hat and the bat'.split(' ');
console.log(words.reduce((m, w) => ({ ...m, [w]: (m[w] || 0) + 1 }), {}));
