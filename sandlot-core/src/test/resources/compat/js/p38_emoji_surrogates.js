// Unicode handling: emoji, surrogate pairs, combining marks, truncation.
const msgs = ['Hello 👋', 'Café ☕', 'I ❤️ JS', '👨‍👩‍👧‍👦 family', '🇯🇵 Japan', 'naïve', 'e\u0301', '𝒳 math'];
for (const m of msgs) {
  const cps = [...m];
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(m)].length;
  console.log(JSON.stringify(m).padEnd(24), 'length', m.length, 'codepoints', cps.length, 'graphemes', graphemes,
    'first cp', m.codePointAt(0).toString(16), 'rev', JSON.stringify(cps.reverse().join('')));
}
const truncate = (s, n) => s.length <= n ? s : s.slice(0, n - 1) + '…';
console.log(JSON.stringify(truncate('Hello 👋 world', 8)), JSON.stringify('👋'.slice(0, 1)), '👋'.charCodeAt(0), '👋'.charCodeAt(1), '👋'.codePointAt(0));
console.log(String.fromCodePoint(0x1f600, 0x41), '\u{1F600}' === '😀', '😀'.split('').length, Array.from('😀').length, '😀'.normalize() === '😀');
console.log(JSON.stringify('\ud83d'), JSON.stringify('\ude00x'), encodeURIComponent('😀'));
try { encodeURIComponent('\ud83d'); } catch (e) { console.log('lone surrogate encode:', e.name); }
console.log('ÅÄÖ'.toLowerCase(), 'ǈ'.toUpperCase(), 'ß'.localeCompare('ss', 'de', { sensitivity: 'base' }), 'a\u030A' === '\u00e5', 'a\u030A'.normalize('NFC') === '\u00e5');
console.log('Ⅻ'.normalize('NFKC'), '①'.normalize('NFKD'), '＄１００'.normalize('NFKC'), 'ｶﾀｶﾅ'.normalize('NFKC'));
console.log(/^.$/.test('😀'), /^.$/u.test('😀'), /\u{1F600}/u.test('😀'), '😀😁'.replace(/\p{Emoji_Presentation}/gu, 'E'), /\p{Extended_Pictographic}/u.test('❤'));
const tweet = 'Launch day 🚀🚀! Check #js #node 😎';
console.log(tweet.match(/#\w+/g).join(','), [...tweet].filter(c => /\p{Extended_Pictographic}/u.test(c)).length);
console.log('\t\n\r\v\f\b\0'.split('').map(c => c.charCodeAt(0)).join(','), JSON.stringify('\x7f\x80\u00a0\u200b\ufeff'));
console.log('abc'.localeCompare('ABC', undefined, { sensitivity: 'accent' }), ['é', 'e', 'f', 'E'].sort().join(''), ['é', 'e', 'f', 'E'].sort(Intl.Collator('fr').compare).join(''));
const widths = ['abc', '日本', '😀'].map(s => [...s].length);
console.log(widths.join(','), 'x'.padEnd(3, '😀').length, '😀'.padStart(4, '-'));
