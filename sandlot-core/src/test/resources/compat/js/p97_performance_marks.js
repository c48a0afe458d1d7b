// Timing the steps of a small report with performance.mark / measure (User Timing), printing only what does
// not depend on the clock.
const regions = ['north', 'south', 'east', 'west'];
const rows = Array.from({ length: 2000 }, (_, i) => ({ region: regions[i % 4], amount: (i * 37) % 101 }));

performance.mark('load:start');
const parsed = rows.map((r) => ({ ...r, amount: Number(r.amount) }));
performance.mark('load:end');

performance.mark('aggregate:start');
const totals = {};
for (const { region, amount } of parsed) totals[region] = (totals[region] ?? 0) + amount;
performance.mark('aggregate:end', { detail: { regions: Object.keys(totals).length } });

const load = performance.measure('load', 'load:start', 'load:end');
const aggregate = performance.measure('aggregate', { start: 'aggregate:start', end: 'aggregate:end', detail: 'sum' });
const whole = performance.measure('whole', 'load:start');

console.log(totals);
for (const m of [load, aggregate, whole]) {
  console.log(m.name.padEnd(10), m.entryType, typeof m.duration, m.duration >= 0, m.startTime >= 0, m.detail);
}
console.log(aggregate.startTime >= load.startTime, whole.duration >= aggregate.duration);
console.log(load instanceof PerformanceMeasure, load instanceof PerformanceEntry, Object.prototype.toString.call(load));
console.log(Object.keys(JSON.parse(JSON.stringify(load))));

const marks = performance.getEntriesByType('mark');
console.log(marks.map((e) => e.name));
console.log(marks.at(-1).detail, marks[0].duration, marks[0] instanceof PerformanceMark);
console.log(performance.getEntriesByName('load').map((e) => e.entryType));
console.log(performance.getEntriesByName('load:start', 'measure').length);
console.log(performance.getEntries().length);

const fixed = performance.mark('fixed', { startTime: 5 });
console.log(fixed.startTime, performance.measure('span', { start: 1, end: 4 }).duration,
  performance.measure('dur', { start: 1, duration: 2 }).duration);
console.log({ fixed: { name: fixed.name, start: fixed.startTime } });
console.log(fixed, [performance.measure('numbers', { start: 1, end: 4, detail: { rows: 3 } })]);

performance.clearMarks('load:start');
console.log(performance.getEntriesByType('mark').map((e) => e.name));
performance.clearMeasures();
console.log(performance.getEntriesByType('measure').length);
performance.clearMarks();
console.log(performance.getEntries().length);

try {
  performance.measure('broken', 'never-set');
} catch (e) {
  console.log(e.name, '-', e.message, '-', e.code);
}
try {
  performance.mark();
} catch (e) {
  console.log(e.name, '-', e.message, '-', e.code);
}
