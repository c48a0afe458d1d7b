// why: walks every property and prototype reachable from the globals looking for a host object or a Java class
// expect: ok
// value: []
const seen = new Set();
const found = [];
function walk(v, path, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 4) return;
  seen.add(v);
  for (const k of Reflect.ownKeys(v)) {
    const name = String(k);
    if (/^(getClass|class|static|forName|getClassLoader|getDeclaredMethods|getRuntime)$/.test(name)) found.push(path + '.' + name);
    let d;
    try { d = Reflect.getOwnPropertyDescriptor(v, k); } catch (e) { continue; }
    if (d && 'value' in d) walk(d.value, path + '.' + name, depth + 1);
  }
  walk(Object.getPrototypeOf(v), path + '.__proto__', depth + 1);
}
walk(globalThis, 'globalThis', 0);
found
