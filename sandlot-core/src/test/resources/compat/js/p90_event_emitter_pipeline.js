// An agent's small pipeline built on EventEmitter: a queue that emits progress, a subclass with once handlers,
// error events caught by a listener and thrown without one, events.once awaited, listener bookkeeping.
const EventEmitter = require('events');
const { once } = require('node:events');

class TaskQueue extends EventEmitter {
  constructor(concurrency) {
    super();
    this.concurrency = concurrency;
    this.pending = [];
    this.done = 0;
  }
  push(name, cost) {
    this.pending.push({ name, cost });
    this.emit('queued', name, this.pending.length);
    return this;
  }
  async drain() {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.concurrency);
      await Promise.all(batch.map((task) => new Promise((resolve) => setTimeout(() => {
        this.done++;
        if (task.cost < 0) {
          this.emit('error', new Error(`task ${task.name} has a negative cost`));
        } else {
          this.emit('progress', { task: task.name, done: this.done });
        }
        resolve();
      }, task.cost > 0 ? task.cost : 1))));
    }
    this.emit('drained', this.done);
  }
}

const queue = new TaskQueue(2);
const log = [];
queue.on('newListener', (event) => log.push(`listening to ${String(event)}`));
queue.on('queued', (name, size) => log.push(`queued ${name} (${size})`));
queue.on('progress', ({ task, done }) => log.push(`progress ${task} #${done}`));
queue.prependListener('progress', () => log.push('(before progress)'));
queue.once('drained', (n) => log.push(`drained after ${n}`));
queue.on('error', (error) => log.push(`error: ${error.message}`));

queue.push('load', 30).push('parse', 10).push('bad', -1).push('save', 5);
console.log(queue.eventNames(), queue.listenerCount('progress'), queue.getMaxListeners());

(async () => {
  await queue.drain();
  // events.once rejects when 'error' comes first, so it waits on an emitter without errors
  const finished = new EventEmitter();
  setTimeout(() => finished.emit('finished', 'all', queue.done), 5);
  console.log(await once(finished, 'finished'));
  setTimeout(() => finished.emit('error', new Error('failed early')), 5);
  await once(finished, 'finished').catch((error) => console.log('once rejected:', error.message));
  console.log(log.join('\n'));
  console.log('drained listeners left:', queue.listenerCount('drained'));

  // removing listeners, with the removeListener event
  const emitter = new EventEmitter();
  const handler = (x) => console.log('handler', x);
  emitter.on('removeListener', (event, listener) => console.log('removed', event, listener === handler));
  emitter.on('data', handler);
  emitter.once('data', handler);
  console.log(emitter.listeners('data').length, emitter.rawListeners('data')[1].listener === handler);
  emitter.emit('data', 1);
  emitter.off('data', handler);
  console.log(emitter.emit('data', 2), emitter.listenerCount('data'));
  emitter.on('a', handler).on('b', handler);
  emitter.removeAllListeners();
  console.log(emitter.eventNames());

  // 'error' without a listener
  for (const reason of [new RangeError('out of range'), 'a string', { code: 42 }]) {
    try {
      new EventEmitter().emit('error', reason);
    } catch (error) {
      console.log(error.name, error.message, error.code);
    }
  }
  // node's argument errors
  for (const bad of [() => emitter.on('x', 'not a function'), () => emitter.setMaxListeners(-2),
    () => emitter.setMaxListeners('ten'), () => { EventEmitter.defaultMaxListeners = -1; }]) {
    try {
      bad();
    } catch (error) {
      console.log(error.code, error.message);
    }
  }
  // old-style inheritance, as older libraries do
  function Legacy() {
    EventEmitter.call(this);
  }
  Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
  const legacy = new Legacy();
  legacy.on('ping', function (n) { console.log('pong', n, this === legacy); });
  legacy.emit('ping', 3);
  console.log(EventEmitter.EventEmitter === EventEmitter, typeof EventEmitter.errorMonitor,
    legacy instanceof EventEmitter, Object.keys(EventEmitter).length);
})();
