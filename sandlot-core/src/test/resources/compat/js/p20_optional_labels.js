// Optional chaining, nullish coalescing, logical assignment, labels.
const data = {
  users: [
    { id: 1, profile: { name: 'Ann', address: { city: 'Oslo' } }, scores: [90, 80] },
    { id: 2, profile: { name: 'Ben' }, scores: [] },
    { id: 3, profile: null },
    { id: 4 },
  ],
  meta: { count: 0, label: '' },
};
for (const u of data.users) {
  console.log(u.id, u.profile?.name ?? '(no name)', u.profile?.address?.city ?? 'unknown', u.scores?.[0] ?? '-', u.scores?.length || 'no scores', u.getName?.() ?? 'no fn');
}
console.log(data.meta.count || 'falsy->default', data.meta.count ?? 'nullish->default', data.meta.label || 'empty', data.meta.label ?? 'kept');
const settings = { theme: null, size: 0, name: 'x' };
settings.theme ??= 'dark';
settings.size ||= 12;
settings.name &&= settings.name.toUpperCase();
settings.missing ??= [];
console.log(JSON.stringify(settings));
console.log(data.users[9]?.profile.name, data.nothing?.[0]?.x, (null)?.x, typeof data.users[0]?.profile?.address);
const grid = [[1, 2, 3], [4, -5, 6], [7, 8, 9]];
let found = null;
outer: for (let i = 0; i < grid.length; i++) {
  for (let j = 0; j < grid[i].length; j++) {
    if (grid[i][j] < 0) { found = [i, j]; break outer; }
  }
}
console.log('first negative at', found.join(','));
const skipped = [];
rows: for (const row of grid) {
  for (const v of row) {
    if (v % 4 === 0) continue rows;
    skipped.push(v);
  }
}
console.log('visited', skipped.join(' '));
block: {
  console.log('inside block');
  if (grid.length === 3) break block;
  console.log('never printed');
}
let i = 0;
loop: while (true) {
  switch (i++) {
    case 0: case 1: continue loop;
    case 2: console.log('i was 2'); break;
    default: break loop;
  }
}
console.log('loop ended, i =', i);
const fnMap = { add: (a, b) => a + b };
console.log(fnMap.add?.(2, 3), fnMap.sub?.(2, 3), fnMap?.['add'](1, 1), delete data?.meta.count, data.meta.count);
const a = 0 ?? 1, b = (null || undefined) ?? 'fallback', c = false ?? true;
console.log(a, b, c, void 0 ?? 'v');
const comma = (1, 2, 3);
console.log(comma, typeof undeclaredVariable, typeof null, typeof [], typeof function () {}, typeof class {}, typeof Symbol());
