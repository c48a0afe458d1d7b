// atob, btoa and structuredClone as node has them: run with node 20 to record expected/web-globals.js.txt.
console.log(btoa('hello'), atob('aGVsbG8='));
try { btoa('é€'); } catch (e) { console.log(e.name); }
const src = {a: [1, {b: 2}], d: new Date(0), m: new Map([[1, {x: 1}]]), s: new Set([1, 2]), r: /x/gi, u: new Uint8Array([1, 2])};
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.a[1] !== src.a[1], c.d instanceof Date, c.d.getTime(), c.m.get(1), [...c.s], c.r.flags, c.u[1]);
try { structuredClone({f() {}}); } catch (e) { console.log(e.name, e.message); }
class P { constructor() { this.x = 1; } }
console.log(Object.getPrototypeOf(structuredClone(new P())) === Object.prototype);
console.log(structuredClone(undefined), structuredClone(null), structuredClone(-0), structuredClone(10n));
let all = '';
for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
for (let n = 0; n < 7; n++) console.log(btoa(all.slice(250 - n, 250)), atob(btoa(all.slice(100, 100 + n))) === all.slice(100, 100 + n));
console.log(btoa(all).length, atob(btoa(all)) === all, atob(' aGVs bG8= '), atob('aGVsbG8'));
for (const bad of ['a', 'aGVsbG8*', 'aGV=sbG8']) {
  try { atob(bad); console.log('decoded', bad); } catch (e) { console.log(e.name); }
}
