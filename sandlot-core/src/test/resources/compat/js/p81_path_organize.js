// Sorts a messy list of uploaded file names into folders by kind, as a cleanup script would plan it (the .out is
// node run in /work, the guest's working directory, which path.resolve and process.cwd() name).
const path = require('node:path');
const uploads = [
  'reports/2024/Q1 summary.PDF', './reports/../reports/2024/q2.pdf', 'photos//beach.jpeg', 'photos/IMG_001.JPG',
  '/work/inbox/notes.txt', 'inbox/archive.tar.gz', 'README', '.env', 'data/raw/../clean/sales.csv',
  'data/clean/sales.csv', 'music/track 01.mp3',
];
const kinds = { '.pdf': 'documents', '.txt': 'documents', '.jpeg': 'images', '.jpg': 'images', '.csv': 'data',
  '.gz': 'archives', '.mp3': 'audio' };

const plan = new Map();
for (const upload of uploads) {
  const absolute = path.resolve(upload);
  const { name, ext, dir } = path.parse(absolute);
  const kind = kinds[ext.toLowerCase()] ?? 'other';
  const target = path.join('/work/sorted', kind, `${name.toLowerCase().replace(/\s+/g, '-')}${ext.toLowerCase()}`);
  if (!plan.has(target)) plan.set(target, []);
  plan.get(target).push(path.relative(process.cwd(), path.join(dir, path.basename(absolute))));
}
for (const [target, sources] of [...plan].sort(([a], [b]) => a.localeCompare(b))) {
  const note = sources.length > 1 ? ` (${sources.length} duplicates)` : '';
  console.log(`${path.relative('/work', target).padEnd(30)} <- ${sources.join(', ')}${note}`);
}
const byKind = {};
for (const target of plan.keys()) {
  const kind = path.basename(path.dirname(target));
  byKind[kind] = (byKind[kind] ?? 0) + 1;
}
console.log(byKind);
console.log(path.parse('/work/sorted/archives/archive.tar.gz'));
console.log(path.format({ dir: '/work/sorted', name: 'index', ext: 'json' }), path.normalize('a//b/../c/.'),
  path.isAbsolute('sorted'), path.sep, path.extname('archive.tar.gz'), path.basename('/x/y.txt', '.txt'));
console.log(path.relative('/work/sorted/images', '/work/sorted/data/sales.csv'), path.dirname('/work'),
  path.join('..', 'x'), path.resolve('/', '..', 'etc'));
