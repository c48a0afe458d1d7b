// Word/tag counting with Map and Set, set algebra.
const posts = [
  { id: 1, tags: ['js', 'node', 'async'] },
  { id: 2, tags: ['python', 'data', 'pandas'] },
  { id: 3, tags: ['js', 'react', 'ui'] },
  { id: 4, tags: ['data', 'sql', 'js'] },
  { id: 5, tags: ['python', 'ml', 'data'] },
  { id: 6, tags: ['js', 'async', 'promises'] },
];
const counts = new Map();
for (const p of posts) for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
console.log('Top tags:');
top.forEach(([t, c], i) => console.log(`${i + 1}. ${t} x${c}`));

const jsPosts = new Set(posts.filter(p => p.tags.includes('js')).map(p => p.id));
const dataPosts = new Set(posts.filter(p => p.tags.includes('data')).map(p => p.id));
const union = new Set([...jsPosts, ...dataPosts]);
const inter = new Set([...jsPosts].filter(x => dataPosts.has(x)));
const diff = new Set([...jsPosts].filter(x => !dataPosts.has(x)));
console.log('union', [...union].join(','), 'inter', [...inter].join(','), 'diff', [...diff].join(','));
console.log('sizes', union.size, inter.size, diff.size);

// Map with object keys and insertion order, delete and re-add
const m = new Map();
const k1 = { name: 'k1' }, k2 = { name: 'k2' };
m.set(k1, 1).set('str', 2).set(42, 3).set(k2, 4).set(NaN, 5);
m.delete('str');
m.set('str', 6);
console.log('keys:', [...m.keys()].map(k => typeof k === 'object' ? k.name : String(k)).join(' '));
console.log('NaN lookup', m.get(NaN), 'has -0 after set 0', new Map([[0, 'zero']]).get(-0));
console.log('entries JSON', JSON.stringify([...m].map(([k, v]) => [typeof k, v])));
console.log('Map to object', JSON.stringify(Object.fromEntries(counts)));
console.log('JSON of Map/Set directly', JSON.stringify({ m: counts, s: union }));
const s = new Set('mississippi');
console.log('letters', [...s].join(''), s.size);
// iteration while mutating
const q = new Set([1]);
for (const x of q) { if (x < 5) q.add(x + 1); }
console.log('grew to', [...q].join(','));
console.log('forEach order:');
new Map([['z', 1], ['a', 2], ['m', 3]]).forEach((v, k, map) => console.log(k, v, map.size));
