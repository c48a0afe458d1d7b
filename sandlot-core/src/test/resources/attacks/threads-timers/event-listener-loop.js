// why: listeners that re-emit their own event forever (through setImmediate, so the stack never grows) keep the
// why: event loop busy; the time limit must stop them, as any other loop
// expect: timeout, cpu_limit
// limits: timeoutMs=3000
const EventEmitter = require('events');
const bus = new EventEmitter();
bus.on('tick', () => setImmediate(() => bus.emit('tick')));
bus.on('tick', () => {});
bus.emit('tick');
