// Group timestamped events by UTC day and hour; compute session gaps.
const events = [
  '2024-05-01T08:15:00Z login alice', '2024-05-01T08:47:10Z view alice', '2024-05-01T09:02:33Z logout alice',
  '2024-05-01T13:00:00Z login bob', '2024-05-01T13:45:59Z view bob', '2024-05-02T00:00:01Z login carol',
  '2024-05-02T23:59:59Z view carol', '2024-05-03T12:30:00Z login alice', '2024-05-03T12:31:00Z view alice',
  '2024-05-03T15:00:00Z view alice',
].map(line => { const [ts, type, user] = line.split(' '); return { t: new Date(ts), type, user }; });
const byDay = new Map();
for (const e of events) {
  const day = e.t.toISOString().slice(0, 10);
  if (!byDay.has(day)) byDay.set(day, []);
  byDay.get(day).push(e);
}
for (const [day, list] of byDay) {
  const users = [...new Set(list.map(e => e.user))].sort();
  const hours = list.map(e => e.t.getUTCHours());
  console.log(day, 'events', list.length, 'users', users.join('+'), 'hours', Math.min(...hours) + '-' + Math.max(...hours));
}
const byUser = events.reduce((m, e) => ((m[e.user] ||= []).push(e.t.getTime()), m), {});
for (const [u, times] of Object.entries(byUser)) {
  const gaps = times.slice(1).map((t, i) => (t - times[i]) / 60000);
  const sessions = 1 + gaps.filter(g => g > 30).length;
  console.log(u, 'sessions', sessions, 'gaps(min)', gaps.map(g => g.toFixed(1)).join(','), 'span', ((times.at(-1) - times[0]) / 3600000).toFixed(2) + 'h');
}
const hourly = Array(24).fill(0);
events.forEach(e => hourly[e.t.getUTCHours()]++);
console.log(hourly.map((c, h) => c ? `${String(h).padStart(2, '0')}:${'*'.repeat(c)}` : null).filter(Boolean).join(' '));
const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });
console.log([...byDay.keys()].map(d => `${d}=${weekday.format(new Date(d))}`).join(', '));
const first = events[0].t, last = events.at(-1).t;
console.log('range', first.toISOString(), '->', last.toISOString(), 'days', Math.floor((last - first) / 864e5));
