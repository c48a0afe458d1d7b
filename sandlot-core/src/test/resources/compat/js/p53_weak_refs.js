// WeakMap caches, WeakSet membership, WeakRef/FinalizationRegistry existence.
const cache = new WeakMap();
function expensive(obj) {
  if (cache.has(obj)) return cache.get(obj) + ' (cached)';
  const v = Object.keys(obj).sort().join('|');
  cache.set(obj, v);
  return v;
}
const a = { z: 1, y: 2 }, b = { x: 3 };
console.log(expensive(a), expensive(a), expensive(b), cache.has(b), cache.get({}));
const visited = new WeakSet();
function walk(node, depth = 0) {
  if (visited.has(node)) return `${' '.repeat(depth)}(cycle ${node.name})`;
  visited.add(node);
  return [`${' '.repeat(depth)}${node.name}`, ...(node.kids || []).map(k => walk(k, depth + 2))].join('\n');
}
const root = { name: 'root', kids: [{ name: 'a' }, { name: 'b', kids: [] }] };
root.kids[1].kids.push(root);
console.log(walk(root));
try { new WeakMap().set('str', 1); } catch (e) { console.log('primitive key:', e.name); }
try { new WeakSet().add(Symbol('s')); console.log('symbol in WeakSet ok'); } catch (e) { console.log('symbol in WeakSet:', e.name); }
console.log(typeof WeakRef, typeof FinalizationRegistry);
const ref = new WeakRef(a);
console.log(ref.deref() === a, Object.prototype.toString.call(ref));
const reg = new FinalizationRegistry(() => {});
reg.register(b, 'b');
console.log(reg.unregister(b), Object.prototype.toString.call(reg));
