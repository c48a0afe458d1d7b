// A night-shift log printed with 24-hour clocks: hour12: false in a locale whose own clock is 12-hour (en-US)
// prints midnight's hour as 24 in node (V8's hour cycle h24), in a 24-hour locale (en-GB, de-DE) as 00.
const events = [
  { at: '2024-03-09T22:45:10Z', what: 'shift starts' },
  { at: '2024-03-09T23:59:59Z', what: 'backup begins' },
  { at: '2024-03-10T00:00:00Z', what: 'day rolls over' },
  { at: '2024-03-10T00:17:42Z', what: 'backup done' },
  { at: '2024-03-10T01:05:00Z', what: 'alert: disk 91%' },
  { at: '2024-03-10T12:30:00Z', what: 'lunch' },
];

const clock = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' };
console.log('time (en-US)  time (en-GB)  event');
for (const { at, what } of events) {
  const when = new Date(at);
  console.log(when.toLocaleTimeString('en-US', clock).padEnd(14) + when.toLocaleTimeString('en-GB', clock).padEnd(14)
    + what);
}

const stamp = new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', hour12: false });
const hours = new Intl.DateTimeFormat('en-US', { hour: 'numeric', hour12: false });
console.log(events.map((e) => stamp.format(new Date(e.at))));
console.log(events.map((e) => hours.format(new Date(e.at))).join(' '));
console.log(hours.resolvedOptions().hourCycle, hours.resolvedOptions().hour12, stamp.resolvedOptions().hourCycle);
console.log(hours.formatToParts(new Date(events[2].at)));

const midnight = new Date(Date.UTC(2024, 0, 1, 0, 5, 7));
console.log(midnight.toLocaleString('en-US', { hour12: false }));
console.log(midnight.toLocaleString(undefined, { hour12: false }), '|',
  midnight.toLocaleString(['en-US'], { hour12: false }));
console.log(midnight.toLocaleTimeString('de-DE', { hour12: false }), '|',
  midnight.toLocaleTimeString('ja-JP', { hour12: false }));
console.log(midnight.toLocaleTimeString('en-US', { hour12: true }), '|',
  midnight.toLocaleTimeString('ja-JP', { hour12: true }));
console.log(midnight.toLocaleTimeString('en-US', { hourCycle: 'h23' }), '|',
  midnight.toLocaleTimeString('en-US', { hour12: 0 }));
console.log(midnight.toLocaleTimeString('en-US', { hour12: false, hourCycle: 'h23' }));
console.log(midnight.toLocaleDateString('en-US', { hour12: false }));
console.log(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hour12: false }).formatRange(midnight,
  new Date(Date.UTC(2024, 0, 1, 3))));

// the constructor as node's: callable without new, subclassable, the same prototype and statics
const plain = Intl.DateTimeFormat('en-US', { timeStyle: 'medium', hour12: false });
class Stamp extends Intl.DateTimeFormat {
  stamp(d) { return `[${this.format(d)}]`; }
}
const sub = new Stamp('en-US', { timeStyle: 'medium', hour12: false });
console.log(plain.format(midnight), sub.stamp(midnight), sub instanceof Intl.DateTimeFormat, plain instanceof Stamp);
const DTF = Intl.DateTimeFormat;
console.log(DTF.name, DTF.length, DTF.prototype.constructor === DTF, DTF.supportedLocalesOf(['en-US', 'de']),
  Object.prototype.toString.call(plain));
console.log(Object.getOwnPropertyNames(DTF), Object.getOwnPropertyDescriptor(DTF, 'prototype').writable);
