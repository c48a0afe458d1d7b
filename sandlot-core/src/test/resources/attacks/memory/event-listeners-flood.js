// why: millions of listeners on one emitter (each a new closure, kept in one array) must hit the memory limit
// why: and leave the host healthy, as any other growing structure
// expect: memory_limit
// limits: maxMemoryMb=64
const EventEmitter = require('events');
const bus = new EventEmitter();
bus.setMaxListeners(0);
for (let i = 0; ; i++) {
  const payload = new Array(16).fill(i);
  bus.on('data', () => payload);
}
