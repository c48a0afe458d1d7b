// Number <-> string round trips over many generated doubles (deterministic).
let seed = 42;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
let h = 0;
const mix = s => { for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0; };
const samples = [];
for (let i = 0; i < 20000; i++) {
  const mag = Math.floor(rnd() * 60) - 30;
  const v = (rnd() - 0.5) * Number(`1e${mag}`);
  const s = String(v);
  if (Number(s) !== v) console.log('roundtrip failure', s);
  mix(s); mix(v.toFixed(4)); mix(v.toPrecision(7)); mix(v.toExponential(5));
  if (i % 2000 === 0) samples.push(s, v.toFixed(4), v.toPrecision(7), v.toExponential(5));
}
console.log(samples.join('\n'));
console.log('hash', h);
const strs = ['0.1', '1e-7', '123456789012345678901234567890', '4.9e-324', '2.2250738585072014e-308', '1.7976931348623158e308', '0.30000000000000004', '9007199254740993', '.000001', '1_000'];
console.log(strs.map(s => `${s} -> ${Number(s)} / ${parseFloat(s)}`).join('\n'));
