// Dependency graph: BFS shortest paths, topological sort, cycle detection.
const edges = [['app', 'ui'], ['app', 'api'], ['ui', 'components'], ['api', 'db'], ['api', 'auth'], ['auth', 'db'], ['components', 'utils'], ['db', 'utils'], ['cli', 'api'], ['cli', 'utils']];
const graph = new Map();
for (const [a, b] of edges) {
  if (!graph.has(a)) graph.set(a, new Set());
  if (!graph.has(b)) graph.set(b, new Set());
  graph.get(a).add(b);
}
function bfs(start) {
  const dist = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length) {
    const n = queue.shift();
    for (const m of graph.get(n)) if (!dist.has(m)) { dist.set(m, dist.get(n) + 1); queue.push(m); }
  }
  return dist;
}
console.log('from app:', [...bfs('app')].map(([k, v]) => `${k}=${v}`).join(' '));
function topo() {
  const indeg = new Map([...graph.keys()].map(k => [k, 0]));
  for (const s of graph.values()) for (const m of s) indeg.set(m, indeg.get(m) + 1);
  const ready = [...indeg].filter(([, d]) => d === 0).map(([k]) => k).sort();
  const order = [];
  while (ready.length) {
    const n = ready.shift();
    order.push(n);
    for (const m of [...graph.get(n)].sort()) { indeg.set(m, indeg.get(m) - 1); if (indeg.get(m) === 0) { ready.push(m); ready.sort(); } }
  }
  return order.length === graph.size ? order : null;
}
console.log('topo:', topo().join(' -> '));
function hasCycle() {
  const state = new Map();
  const visit = n => { if (state.get(n) === 1) return true; if (state.get(n) === 2) return false; state.set(n, 1); for (const m of graph.get(n)) if (visit(m)) return true; state.set(n, 2); return false; };
  return [...graph.keys()].some(visit);
}
console.log('cycle?', hasCycle());
graph.get('utils').add('app');
console.log('cycle after adding utils->app?', hasCycle(), 'topo', topo());
graph.get('utils').delete('app');
const reverse = new Map();
for (const [a, s] of graph) for (const b of s) (reverse.get(b) ?? reverse.set(b, []).get(b)).push(a);
console.log('dependents of db:', reverse.get('db').sort().join(','), '| of utils:', reverse.get('utils').sort().join(','));
const degree = [...graph].map(([k, s]) => [k, s.size + (reverse.get(k)?.length ?? 0)]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
console.log('degree:', degree.map(d => d.join(':')).join(' '));
const grid = ['S.#.....', '.##.###.', '....#...', '.##...#E'];
const H = grid.length, W = grid[0].length;
const find = ch => { for (let r = 0; r < H; r++) { const c = grid[r].indexOf(ch); if (c >= 0) return [r, c]; } };
const [sr, sc] = find('S'), [er, ec] = find('E');
const seen = new Map([[`${sr},${sc}`, null]]);
const q = [[sr, sc]];
while (q.length) {
  const [r, c] = q.shift();
  if (r === er && c === ec) break;
  for (const [dr, dc] of [[0, 1], [1, 0], [0, -1], [-1, 0]]) {
    const nr = r + dr, nc = c + dc, key = `${nr},${nc}`;
    if (nr >= 0 && nr < H && nc >= 0 && nc < W && grid[nr][nc] !== '#' && !seen.has(key)) { seen.set(key, `${r},${c}`); q.push([nr, nc]); }
  }
}
const path = [];
for (let k = `${er},${ec}`; k; k = seen.get(k)) path.unshift(k);
console.log('maze path length', path.length - 1, path.join(' '));
