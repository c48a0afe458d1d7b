// A node script's use of process: a progress line built with process.stdout.write, its arguments and environment
// with defaults, timing with hrtime, a callback deferred with nextTick, errors on stderr, and process.exit at the end.
const args = process.argv.slice(2);
const limit = Number(args[0] ?? process.env.LIMIT ?? 5);
const verbose = process.env.VERBOSE === '1';
console.log('args', JSON.stringify(args), 'limit', limit, 'verbose', verbose, 'cwd is a string', typeof process.cwd());

process.stdout.write('progress: ');
for (let i = 1; i <= limit; i++) {
  process.stdout.write(i < limit ? `${i}, ` : `${i}\n`);
}
process.stdout.write(new TextEncoder().encode('bytes too\n'));
console.log('written', process.stdout.write(''), typeof process.stdout.isTTY === 'undefined' || process.stdout.isTTY === false);

const start = process.hrtime();
const startBig = process.hrtime.bigint();
let acc = 0;
for (let i = 0; i < 50000; i++) {
  acc = (acc + i * i) % 1000003;
}
const [seconds, nanos] = process.hrtime(start);
const elapsedMs = seconds * 1e3 + nanos / 1e6;
console.log('acc', acc, 'elapsed is a number', Number.isFinite(elapsedMs) && elapsedMs >= 0,
  typeof (process.hrtime.bigint() - startBig), process.uptime() >= 0);

process.nextTick((a, b) => console.log('next tick', a + b), 20, 22);
console.log('before the tick');

try {
  process.stdout.write({ not: 'a string' });
} catch (error) {
  console.log(error.name, error.code);
}
process.stderr.write('a warning on stderr\n');

async function main() {
  const rows = await Promise.all([1, 2, 3].map(async (n) => n * n));
  console.log('rows', rows.join(' '));
  setTimeout(() => console.log('this timer never fires'), 50);
  process.exit(0);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
