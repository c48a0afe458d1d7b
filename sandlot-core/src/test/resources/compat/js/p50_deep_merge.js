// Deep merge of configuration objects and diffing.
const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v);
function deepMerge(target, ...sources) {
  for (const src of sources) {
    for (const [k, v] of Object.entries(src)) {
      if (isObj(v) && isObj(target[k])) target[k] = deepMerge({ ...target[k] }, v);
      else if (Array.isArray(v) && Array.isArray(target[k])) target[k] = [...new Set([...target[k], ...v])];
      else target[k] = v;
    }
  }
  return target;
}
function diff(a, b, path = '') {
  const out = [];
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of [...keys].sort()) {
    const p = path ? `${path}.${k}` : k;
    if (isObj(a?.[k]) && isObj(b?.[k])) out.push(...diff(a[k], b[k], p));
    else if (JSON.stringify(a?.[k]) !== JSON.stringify(b?.[k])) out.push(`${p}: ${JSON.stringify(a?.[k])} -> ${JSON.stringify(b?.[k])}`);
  }
  return out;
}
const defaults = { server: { port: 8080, host: '0.0.0.0', tls: { enabled: false } }, features: ['a', 'b'], logLevel: 'info', retries: 3 };
const env = { server: { port: 443, tls: { enabled: true, cert: '/etc/cert.pem' } }, features: ['b', 'c'], logLevel: undefined };
const cli = { retries: 0, server: { host: 'localhost' }, extra: null };
const merged = deepMerge({}, defaults, env, cli);
console.log(JSON.stringify(merged, null, 2));
console.log(diff(defaults, merged).join('\n'));
console.log('defaults untouched:', JSON.stringify(defaults.server));
const flatten = (o, pre = '') => Object.entries(o).reduce((acc, [k, v]) => isObj(v) ? { ...acc, ...flatten(v, pre + k + '.') } : { ...acc, [pre + k]: v }, {});
console.log(JSON.stringify(flatten(merged)));
const unflatten = flat => Object.entries(flat).reduce((acc, [path, v]) => { const ks = path.split('.'); ks.reduce((o, k, i) => (o[k] ??= i === ks.length - 1 ? v : {}), acc); return acc; }, {});
console.log(JSON.stringify(unflatten(flatten(merged))) === JSON.stringify(merged));
const pick = (o, ...ks) => Object.fromEntries(ks.filter(k => k in o).map(k => [k, o[k]]));
const omit = (o, ...ks) => Object.fromEntries(Object.entries(o).filter(([k]) => !ks.includes(k)));
console.log(JSON.stringify(pick(merged, 'logLevel', 'retries', 'nope')), JSON.stringify(Object.keys(omit(merged, 'server'))));
