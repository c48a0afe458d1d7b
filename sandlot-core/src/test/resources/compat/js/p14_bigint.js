// BigInt: factorials, modular arithmetic, formatting.
function factorial(n) { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; }
for (const n of [0n, 1n, 5n, 20n, 25n, 50n]) console.log(`${n}! = ${factorial(n)}`);
const f100 = factorial(100n);
console.log('100! digits', f100.toString().length, 'trailing zeros', f100.toString().match(/0+$/)[0].length);
function modpow(b, e, m) { let r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; } return r; }
console.log('2^1000 mod 1e9+7 =', modpow(2n, 1000n, 1000000007n));
const fib = [0n, 1n];
for (let i = 2; i <= 100; i++) fib.push(fib[i - 1] + fib[i - 2]);
console.log('fib100', fib[100], fib[100].toString(16), fib[100].toString(36));
console.log(2n ** 64n - 1n, BigInt.asUintN(64, -1n), BigInt.asIntN(8, 255n), BigInt.asIntN(64, 2n ** 63n));
console.log(-7n / 2n, -7n % 2n, 7n / -2n, 10n ** 30n / 3n, (-5n) ** 3n);
console.log(BigInt('123456789012345678901234567890'), BigInt('0x1f'), BigInt('0b1010'), BigInt(Number.MAX_SAFE_INTEGER) + 2n, BigInt(' 42 '));
console.log(typeof 1n, 1n == 1, 1n === 1, 2n > 1, 1n < 1.5, [3n, 1, 2n, -1].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(','));
console.log(Number(2n ** 64n), parseInt('9007199254740993'), Number(9007199254740993n), String(10n ** 21n), (10n ** 21n).toLocaleString('en-US'));
for (const bad of [() => 1n + 1, () => BigInt(1.5), () => BigInt('1.5'), () => Math.max(1n), () => JSON.stringify(1n), () => 1n / 0n, () => +1n]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(e.name); }
}
console.log(JSON.stringify({ v: 12n }, (k, v) => typeof v === 'bigint' ? v.toString() : v));
BigInt.prototype.toJSON = function () { return `${this}n`; };
console.log(JSON.stringify([1n, 2n]));
const big = 123456789123456789123456789n;
console.log(big * big, big.toString(2).length, big % 97n, big >> 10n, big & 0xffffn, ~big, -big);
console.log(BigInt(Number.MAX_VALUE) % 1000000n, BigInt.asUintN(8, 257n));
