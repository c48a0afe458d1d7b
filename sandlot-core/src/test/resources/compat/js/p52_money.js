// Money rounding: splitting bills, tax, currency formatting.
const round2 = x => Math.round(x * 100) / 100;
const roundHalfEven = (x, d = 2) => { const m = 10 ** d, n = x * m, f = Math.floor(n), r = n - f; const e = 1e-9; return (r > 0.5 + e ? f + 1 : r < 0.5 - e ? f : f % 2 === 0 ? f : f + 1) / m; };
const epsRound = x => Math.round((x + Number.EPSILON) * 100) / 100;
const tests = [1.005, 2.675, 1.345, 0.125, 0.135, 10.235, 1.255, 8.345, 1234.5678, -1.005, 0.615];
for (const t of tests) console.log(String(t).padEnd(10), round2(t), t.toFixed(2), roundHalfEven(t), epsRound(t), Number(t.toFixed(2)), (Math.round(t * 1000) / 1000).toFixed(3));
function split(totalCents, n) { const base = Math.floor(totalCents / n); const rem = totalCents - base * n; return Array.from({ length: n }, (_, i) => base + (i < rem ? 1 : 0)); }
console.log(split(10000, 3).map(c => (c / 100).toFixed(2)).join(' + '), '=', split(10000, 3).reduce((a, b) => a + b) / 100);
const cart = [{ p: 19.99, q: 3 }, { p: 0.1, q: 7 }, { p: 5.55, q: 2 }];
const subtotal = cart.reduce((s, i) => s + i.p * i.q, 0);
const tax = subtotal * 0.0825;
console.log('subtotal', subtotal, 'tax', tax, 'total', subtotal + tax, 'rounded', round2(subtotal + tax));
const cents = cart.reduce((s, i) => s + Math.round(i.p * 100) * i.q, 0);
console.log('exact cents', cents, (cents / 100).toFixed(2), Math.round(cents * 0.0825), ((cents + Math.round(cents * 0.0825)) / 100).toFixed(2));
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
console.log([0.005, 0.015, 0.025, 1.005, 2.675, -0.001, 1e6 / 3].map(v => usd.format(v)).join(' '));
const pct = (a, b) => ((a - b) / b * 100).toFixed(1) + '%';
console.log(pct(110, 100), pct(90, 100), pct(1, 3), pct(0, 5), pct(5, 0), pct(0, 0));
let acc = 0;
for (let i = 0; i < 10; i++) acc += 0.1;
console.log(acc, acc === 1, Math.abs(acc - 1) < Number.EPSILON, acc.toFixed(20), (0.1).toFixed(20), (1 / 3).toFixed(18));
console.log(1.1 + 2.2, 0.3 - 0.1, 1.15 * 3, 19.99 * 100, 4.35 * 100, 0.57 * 100, 1.4 - 1, 100 - 99.9);
