// A shift report: awaits its data at the top level (node runs the file as a module), groups its output, and
// prints times in US and German formats.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchShifts() {
  await sleep(20);
  return [
    { worker: 'Ana', start: Date.UTC(2024, 2, 4, 6, 0), end: Date.UTC(2024, 2, 4, 14, 30) },
    { worker: 'Ben', start: Date.UTC(2024, 2, 4, 13, 45), end: Date.UTC(2024, 2, 4, 22, 0) },
    { worker: 'Cleo', start: Date.UTC(2024, 2, 4, 21, 30), end: Date.UTC(2024, 2, 5, 6, 15) },
  ];
}

console.log('module?', typeof this, typeof global, global === globalThis);
const shifts = await fetchShifts();
const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
const german = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short', timeZone: 'UTC' });

console.group('Shifts on', new Date(shifts[0].start).toLocaleDateString('en-US', { dateStyle: 'full', timeZone: 'UTC' }));
for (const { worker, start, end } of shifts) {
  const hours = (end - start) / 3_600_000;
  console.group(worker);
  console.log(`from ${time.format(start)} to ${time.format(end)}\n(${german.format(start)}-${german.format(end)})`);
  console.log({ hours, overnight: new Date(end).getUTCDate() !== new Date(start).getUTCDate() });
  console.groupEnd();
}
console.groupEnd();

const total = shifts.reduce((sum, s) => sum + (s.end - s.start) / 3_600_000, 0);
console.log('total hours', total, 'at', new Date(shifts[2].end).toLocaleTimeString('en-US', { timeZone: 'UTC' }));
console.log(new Date(shifts[1].start).toLocaleString('en-US', { timeZone: 'UTC' }));
const parts = time.formatToParts(shifts[1].end).map((p) => p.type).join(',');
console.log('parts', parts);
await sleep(5);
console.table(shifts.map(({ worker, start }) => ({ worker, starts: time.format(start) })));
