// Word frequency analysis of a text with tie-breaking sort.
const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair. Naïve café-goers said: "Don't panic!" — and they didn't.`;
const words = text.toLowerCase().match(/[\p{L}']+/gu);
console.log('total words', words.length, 'unique', new Set(words).size);
const freq = words.reduce((m, w) => m.set(w, (m.get(w) || 0) + 1), new Map());
const top = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, 12);
for (const [w, c] of top) console.log(w.padEnd(12), '#'.repeat(c), c);
const lengths = {};
for (const w of words) lengths[w.length] = (lengths[w.length] || 0) + 1;
console.log('by length', JSON.stringify(lengths));
const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
console.log('longest', longest, longest.length);
const sentences = text.split(/(?<=[.!?])\s+/);
console.log('sentences', sentences.length, sentences.map(s => s.split(/\s+/).length).join(','));
const caps = text.match(/\b[A-Z][a-z]+\b/g);
console.log('capitalized', [...new Set(caps)].sort().join(' '));
const bigrams = new Map();
for (let i = 0; i < words.length - 1; i++) { const k = words[i] + ' ' + words[i + 1]; bigrams.set(k, (bigrams.get(k) || 0) + 1); }
console.log('top bigrams', [...bigrams].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([k, v]) => `${k}(${v})`).join(', '));
const vowels = (text.match(/[aeiouáéíóúäëïöü]/gi) || []).length;
console.log('vowels', vowels, 'ratio', (vowels / text.replace(/[^\p{L}]/gu, '').length).toFixed(4));
console.log(top.slice(0, 3));
