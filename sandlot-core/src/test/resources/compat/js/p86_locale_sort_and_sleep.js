// An agent's report: names sorted with localeCompare (accents, case, German), amounts formatted with
// toLocaleString, and pauses between steps written with util.promisify(setTimeout).
const util = require('util');
const sleep = util.promisify(setTimeout);

const customers = [
  { name: 'Zoë Adams', total: 1234567.891 },
  { name: 'émile Brun', total: 42 },
  { name: 'Émile Brun', total: 0.5 },
  { name: 'anna Öberg', total: 98765.4321 },
  { name: 'Anna Oberg', total: -15.25 },
  { name: 'Ärger Müller', total: 1e21 },
  { name: 'bob', total: NaN },
  { name: 'Bob', total: 3 },
];

(async () => {
  const byName = [...customers].sort((a, b) => a.name.localeCompare(b.name));
  for (const { name, total } of byName) {
    console.log(name.padEnd(14), total.toLocaleString().padStart(30), total.toLocaleString('de-DE'));
  }
  await sleep(5);
  console.log(byName.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'sv')).join(' | '));
  console.log(['b', 'a', 'B', 'ä', 'A'].sort((x, y) => x.localeCompare(y, undefined, { sensitivity: 'base' })));
  const step = await sleep(1, 'done');
  console.log(step, 'resume'.localeCompare('résumé'), 'a'.localeCompare('a'), String.prototype.localeCompare.length);
  console.log((1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), (0.256).toLocaleString('en-GB', { style: 'percent' }));
})();
