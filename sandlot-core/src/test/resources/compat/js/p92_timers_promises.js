// An agent's polling and retry helpers on timers/promises: sleep, an immediate yield, a polling loop over
// setInterval's async iterator, and the timers module's functions beside the globals.
const { setTimeout: sleep, setImmediate: nextTurn, setInterval: every, scheduler } = require('timers/promises');
const timers = require('node:timers');

async function retry(fn, attempts, delay) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      console.log(`attempt ${attempt} failed: ${error.message}`);
      if (attempt === attempts) throw error;
      await sleep(delay * attempt);
    }
  }
}

(async () => {
  const order = [];
  const a = sleep(30, 'slow').then((v) => order.push(v));
  const b = sleep(10, 'fast').then((v) => order.push(v));
  const c = nextTurn('immediate').then((v) => order.push(v));
  await Promise.all([a, b, c]);
  console.log(order);

  const result = await retry(async (attempt) => {
    if (attempt < 3) throw new Error(`not ready (${attempt})`);
    return `ready on attempt ${attempt}`;
  }, 5, 10);
  console.log(result);

  let polls = 0;
  for await (const started of every(20, 'poll')) {
    polls++;
    console.log(started, polls);
    if (polls === 3) break;
  }
  console.log(await scheduler.wait(5), await scheduler.yield());

  console.log(Object.keys(timers).filter((name) => !name.startsWith('_') && !['active', 'unenroll', 'enroll'].includes(name)));
  console.log(timers.setTimeout === setTimeout, timers.promises === require('timers/promises'));
  const handle = timers.setTimeout(() => console.log('never'), 50);
  timers.clearTimeout(handle);
  await new Promise((resolve) => timers.setImmediate(resolve));
  for (const bad of [() => sleep(1, 'v', 'options'), () => sleep(1, 'v', { ref: 'yes' }), () => nextTurn('v', null)]) {
    try {
      await bad();
    } catch (error) {
      console.log(error.code, error.message);
    }
  }
  console.log('done');
})();
