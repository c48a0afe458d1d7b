// Monthly billing periods, ISO weeks, durations — all in UTC.
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return [d.getUTCFullYear(), Math.ceil(((d - yearStart) / 86400000 + 1) / 7)];
}
function endOfMonth(y, m) { return new Date(Date.UTC(y, m + 1, 0)); }
function fmt(d) { return d.toISOString().slice(0, 10); }
function duration(ms) {
  const s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return `${d}d ${String(h).padStart(2, '0')}h ${String(m).padStart(2, '0')}m ${String(s % 60).padStart(2, '0')}s`;
}
for (let m = 0; m < 12; m++) {
  const first = new Date(Date.UTC(2024, m, 1));
  const last = endOfMonth(2024, m);
  const [wy, wn] = isoWeek(first);
  console.log(`${fmt(first)}..${fmt(last)} days=${last.getUTCDate()} firstWeek=${wy}-W${String(wn).padStart(2, '0')}`);
}
for (const s of ['2020-12-31', '2021-01-03', '2021-01-04', '2026-12-31', '2027-01-01']) {
  const [y, w] = isoWeek(new Date(s));
  console.log(s, `${y}-W${w}`);
}
const events = [
  ['deploy', '2024-03-09T22:15:00Z', '2024-03-10T03:40:12Z'],
  ['backup', '2024-03-31T01:00:00Z', '2024-03-31T01:00:59Z'],
  ['migration', '2024-10-27T00:30:00Z', '2024-10-29T16:02:30Z'],
];
for (const [name, a, b] of events) console.log(name.padEnd(10), duration(new Date(b) - new Date(a)));
const ts = Date.UTC(2024, 4, 17, 8, 30);
const rounded = new Date(Math.floor(ts / 3600000) * 3600000);
console.log('hour bucket', rounded.toISOString(), 'minutes of day', (ts % 86400000) / 60000);
const d = new Date(Date.UTC(2024, 0, 1));
d.setUTCDate(d.getUTCDate() + 365);
console.log('plus 365 days', fmt(d));
d.setUTCHours(48, 90, 3600);
console.log('setUTCHours overflow', d.toISOString());
console.log('leap years', [1900, 2000, 2023, 2024, 2100].map(y => `${y}:${new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1}`).join(' '));
const quarters = [0, 3, 6, 9].map(m => `Q${m / 3 + 1} starts ${fmt(new Date(Date.UTC(2025, m, 1)))}`);
console.log(quarters.join('; '));
console.log(new Date(Date.UTC(2024, 0, 1)).getUTCDay(), new Date(1e12).toISOString(), new Date(2 ** 40).toISOString());
