// RegExp features: named groups, lookbehind, unicode, sticky, dotAll, indices.
const log = `2024-03-05 10:15:32 ERROR [db] Connection lost (code=57P01)
2024-03-05 10:15:35 WARN  [api] Slow response: 2350ms
2024-03-05 10:16:01 INFO  [db] Reconnected after 3 attempts
2024-03-05 10:17:44 ERROR [auth] Invalid token for user=alice@example.com`;
const re = /^(?<date>\d{4}-\d{2}-\d{2}) (?<time>[\d:]+) (?<level>\w+)\s+\[(?<mod>\w+)\] (?<msg>.*)$/gm;
for (const { groups: g } of log.matchAll(re)) console.log(g.level.padEnd(5), g.mod.padEnd(4), g.msg);
console.log(log.replace(/(?<=user=)[^@\s]+/g, '***').split('\n').pop());
console.log('$10 $20 €30'.match(/(?<!\$)\b\d+/g), '$10 $20 €30'.match(/(?<=\$)\d+/g));
console.log('price: 42 USD'.replace(/(?<amount>\d+) (?<cur>[A-Z]{3})/, '$<cur> $<amount>'));
console.log(/\p{Lu}/u.test('É'), 'Ünïcode Ωmega 東京 123'.match(/\p{L}+/gu), '😀😃x'.match(/./gu).length, '😀😃x'.match(/./g).length);
console.log('ab\ncd'.match(/b.c/s)?.[0].length, /b.c/.test('ab\ncd'), /^\w+$/i.test('ÄBC'), /^[\w]+$/iu.test('ſ'));
const sticky = /\d+|[a-z]+|\s+/y;
const tokens = [];
const src = 'abc 123 def45';
sticky.lastIndex = 0;
let m;
while ((m = sticky.exec(src)) !== null) tokens.push(m[0]);
console.log(tokens.map(t => JSON.stringify(t)).join(','), sticky.lastIndex);
const g = /o/g;
console.log(g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex);
const withIdx = /(?<word>wor)ld/d.exec('hello world');
console.log(withIdx.indices[0], withIdx.indices.groups.word);
console.log('aaa'.replace(/a*?/g, 'X'), 'abc'.replace(/(?:)/g, '-'), 'x'.replace(/(y)?x/, '[$1]'), 'abc'.replace(/b/, '$0'));
console.log('2024-03-05'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'), 'John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1'));
console.log(new RegExp('a.b', 'gi').toString(), /[/]/.source, new RegExp('/').source, RegExp('\n').source, String(new RegExp('')));
console.log(/(a)|(b)/.exec('b'), 'flags:', /x/dgimsuy.flags);
const emailRe = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
console.log(['a@b.co', 'bad@', 'x@y.z', 'first.last+tag@sub.example.org'].map(e => emailRe.test(e)));
console.log('CamelCaseStringHere'.split(/(?=[A-Z])/), 'a1b22c333'.split(/\d+/), '1,234,567.89'.replace(/,/g, ''));
console.log('The year 1999 and 2024'.replace(/\b(\d{2})(\d{2})\b/g, (m, a, b, off) => `${b}@${off}`));
try { new RegExp('(?<n>a)(?<n>b)'); console.log('dup groups ok'); } catch (e) { console.log('dup group name error:', e.name); }
try { new RegExp('['); } catch (e) { console.log('bad regex:', e.name); }
console.log('x'.match(/y/), 'xyx'.match(/x/g), 'xyx'.search(/y/), [...'a1b2'.matchAll(/\d/g)].map(m => m.index));
