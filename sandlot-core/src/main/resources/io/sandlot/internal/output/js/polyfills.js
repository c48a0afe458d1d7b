// What vega expects of a browser and GraalJS lacks. Its values are JSON data, so a JSON copy is a faithful clone.
globalThis.structuredClone = value => value === undefined ? undefined : JSON.parse(JSON.stringify(value));

// Timers on a virtual clock: a callback runs when the host calls runTimers(), which runs every callback due and
// returns how many are pending. Rendering headless waits for nothing real, so no delay needs to pass.
globalThis.runTimers = (function () {
  'use strict';
  const pending = new Map();
  let nextId = 1;
  const schedule = repeat => (callback, delay, ...args) => {
    const id = nextId++;
    const run = () => {
      if (repeat) {
        pending.set(id, run);
      }
      callback(...args);
    };
    pending.set(id, run);
    return id;
  };
  const cancel = id => { pending.delete(id); };
  globalThis.setTimeout = schedule(false);
  globalThis.setInterval = schedule(true);
  globalThis.clearTimeout = cancel;
  globalThis.clearInterval = cancel;
  return function runTimers() {
    const due = [...pending];
    pending.clear();
    for (const [, run] of due) {
      run();
    }
    return pending.size;
  };
})();
