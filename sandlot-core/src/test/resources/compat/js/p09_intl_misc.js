// Collator, PluralRules, RelativeTimeFormat, ListFormat, DisplayNames, Segmenter.
const names = ['item10', 'item2', 'Item1', 'éclair', 'eclair', 'Zebra', 'apple', 'Äpfel', 'zebra', 'item1'];
console.log(names.slice().sort(new Intl.Collator('en-US').compare).join(' '));
console.log(names.slice().sort(new Intl.Collator('en-US', { numeric: true }).compare).join(' '));
console.log(names.slice().sort(new Intl.Collator('en-US', { sensitivity: 'base', numeric: true }).compare).join(' '));
console.log(names.slice().sort(new Intl.Collator('en-US', { caseFirst: 'upper' }).compare).join(' '));
console.log(names.slice().sort(new Intl.Collator('sv').compare).join(' '));
const coll = new Intl.Collator('en-US', { sensitivity: 'base' });
console.log(coll.compare('a', 'A'), coll.compare('a', 'á'), coll.compare('a', 'b'), 'a'.localeCompare('B'), 'résumé'.localeCompare('resume', 'en', { sensitivity: 'accent' }));

const pr = new Intl.PluralRules('en-US');
const ord = new Intl.PluralRules('en-US', { type: 'ordinal' });
const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
console.log([0, 1, 2, 5, 1.5].map(n => `${n}:${pr.select(n)}`).join(' '));
console.log([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(n => `${n}${suffix[ord.select(n)]}`).join(' '));
console.log(new Intl.PluralRules('ar-EG').select(3), new Intl.PluralRules('ru').select(22), new Intl.PluralRules('ru').select(5));

const rtf = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
console.log([-2, -1, 0, 1, 2].map(d => rtf.format(d, 'day')).join(' | '));
console.log(new Intl.RelativeTimeFormat('en-US').format(-3, 'month'), new Intl.RelativeTimeFormat('en-US', { style: 'short' }).format(5, 'hour'));

const lf = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });
console.log(lf.format(['apples']), '|', lf.format(['apples', 'pears']), '|', lf.format(['apples', 'pears', 'plums']));
console.log(new Intl.ListFormat('en-US', { type: 'disjunction' }).format(['red', 'green', 'blue']));
console.log(new Intl.ListFormat('en-US', { style: 'narrow', type: 'unit' }).format(['3 ft', '7 in']));

const dn = new Intl.DisplayNames(['en'], { type: 'region' });
const ln = new Intl.DisplayNames(['en'], { type: 'language' });
const cn = new Intl.DisplayNames(['en'], { type: 'currency' });
console.log(dn.of('US'), dn.of('DE'), dn.of('JP'), ln.of('fr'), ln.of('pt-BR'), cn.of('EUR'), cn.of('JPY'));

const seg = new Intl.Segmenter('en', { granularity: 'word' });
const words = [...seg.segment('Hello, world! It\'s 2024.')].filter(s => s.isWordLike).map(s => s.segment);
console.log(words.join('|'));
const gseg = new Intl.Segmenter('en', { granularity: 'grapheme' });
console.log([...gseg.segment('👨‍👩‍👧e\u0301🇫🇷')].map(s => s.segment).length);
console.log(Intl.getCanonicalLocales(['EN-us', 'de-de']).join(','), typeof Intl.supportedValuesOf);
console.log(Intl.supportedValuesOf('currency').length > 100, Intl.supportedValuesOf('unit').includes('kilometer'));
