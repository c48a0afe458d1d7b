// An agent's job runner: a watchdog timer it unrefs so that it does not hold the script open, a heartbeat it
// refreshes, process.on hooks for the end of the run and for a rejection it forgot to catch, a memory report and a
// deprecation warning (on stderr).
const started = Date.now();
const jobs = ['fetch', 'parse', 'report'];
const results = [];

const watchdog = setTimeout(() => {
  console.log('watchdog: still running, giving up');
  process.exit(2);
}, 60000);
watchdog.unref();
console.log('watchdog', typeof watchdog, watchdog.constructor.name, watchdog.hasRef(), Number.isInteger(+watchdog));

let beats = 0;
const heartbeat = setTimeout(() => {
  beats += 1;
  if (results.length < jobs.length) {
    heartbeat.refresh();
  }
}, 5);

process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled rejection:', reason.message, promise instanceof Promise);
});
process.once('exit', (code) => {
  console.log('exit', code, 'results', results.join(','), 'beats>0', beats > 0);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function run(job, i) {
  await sleep(10 * (i + 1));
  if (job === 'parse') {
    Promise.reject(new Error(`parse warning for ${job}`));   // forgotten: no catch
  }
  results.push(job);
}

async function main() {
  for (const [i, job] of jobs.entries()) {
    await run(job, i);
  }
  const memory = process.memoryUsage();
  console.log('memory fields', Object.keys(memory).join(' '),
    Object.values(memory).every((n) => Number.isInteger(n) && n >= 0), memory.rss >= memory.heapUsed);
  process.emitWarning('the report format v1 is deprecated', 'DeprecationWarning');
  const immediate = setImmediate(() => console.log('immediate ran'));
  console.log('immediate', immediate.constructor.name, immediate.hasRef());
  clearTimeout(+setTimeout(() => console.log('never: cleared by id'), 1));
  console.log('done in', Date.now() - started >= 0 ? 'some ms' : '?');
}

main();
