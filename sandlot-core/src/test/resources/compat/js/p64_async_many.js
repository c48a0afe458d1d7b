// Many awaits: simulated paginated fetch and concurrency-limited pool (no timers).
async function fetchPage(n) { await null; return n < 50 ? { items: Array.from({ length: 20 }, (_, i) => n * 20 + i), next: n + 1 } : { items: [], next: null }; }
async function fetchAll() { const all = []; let page = 0; while (page !== null) { const r = await fetchPage(page); all.push(...r.items); page = r.next; } return all; }
async function pool(tasks, limit) {
  const results = new Array(tasks.length); let next = 0; const order = [];
  async function worker(w) { while (next < tasks.length) { const i = next++; results[i] = await tasks[i](); order.push(`${w}:${i}`); } }
  await Promise.all(Array.from({ length: limit }, (_, w) => worker(w)));
  return { results, order };
}
(async () => {
  const all = await fetchAll();
  console.log('fetched', all.length, all.at(-1));
  const tasks = Array.from({ length: 12 }, (_, i) => async () => { for (let k = 0; k < i % 4; k++) await null; return i * i; });
  const { results, order } = await pool(tasks, 3);
  console.log(results.join(','));
  console.log(order.join(' '));
  let n = 0;
  for (let i = 0; i < 100000; i++) { await null; n++; }
  console.log('awaited', n);
  const chain = Array.from({ length: 1000 }, (_, i) => i).reduce((p, i) => p.then(v => v + i), Promise.resolve(0));
  console.log('chain', await chain);
})();
