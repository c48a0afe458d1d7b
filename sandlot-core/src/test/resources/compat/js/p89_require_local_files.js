// An agent that splits its work into files: it writes a config (JSON), a helper module and a small package with an
// index, then requires them as node's CommonJS does (extensions, index.js, caching, cycles, __dirname), and meets
// node's errors for a missing module and for broken JSON.
const fs = require('fs');
const path = require('path');

fs.mkdirSync('lib/stats', { recursive: true });
fs.writeFileSync('config.json', JSON.stringify({ currency: 'EUR', threshold: 100, regions: ['north', 'south'] }));
fs.writeFileSync('lib/format.js', [
  "const config = require('../config.json');",
  "exports.money = (n) => `${n.toFixed(2)} ${config.currency}`;",
  "exports.where = path => require('path').relative(__dirname, path);",
  "exports.self = require('path').basename(__filename);",
].join('\n'));
fs.writeFileSync('lib/stats/index.js', [
  "'use strict';",
  "const { money } = require('../format');",
  "let loads = (module.loads || 0) + 1;",
  "module.exports = {",
  "  summary(values) {",
  "    const total = values.reduce((a, b) => a + b, 0);",
  "    return { count: values.length, total: money(total), mean: money(total / values.length) };",
  "  },",
  "  loads,",
  "};",
].join('\n'));
fs.writeFileSync('lib/a.js', "exports.name = 'a';\nconst b = require('./b');\nexports.partner = b.name;\n");
fs.writeFileSync('lib/b.js', "const a = require('./a');\nexports.name = 'b';\nexports.sawOfA = Object.keys(a);\n");
fs.writeFileSync('broken.json', '{"threshold": 100,}');

const config = require('./config.json');
const stats = require('./lib/stats');
const format = require('./lib/format.js');
const orders = [120, 80.5, 230, 99.99, 145];
console.log('config', config.currency, config.regions);
console.log('summary', stats.summary(orders.filter((n) => n >= config.threshold)));
console.log('same module', require('./lib/stats/index.js') === stats, require('./lib/stats') === stats);
console.log('format', format.self, format.where(path.join(__dirname, 'lib', 'stats', 'index.js')));
console.log('cycle', require('./lib/a'), require('./lib/b'));
const cached = Object.keys(require.cache).filter((key) => key !== __filename);
console.log('cache', cached.map((key) => path.relative(__dirname, key)).sort());
console.log('resolve', path.relative(__dirname, require.resolve('./lib/stats')), require.resolve('path'));

config.threshold = 0;   // the cached object is shared
console.log('shared', require('./config').threshold);
delete require.cache[require.resolve('./config.json')];
console.log('reloaded', require('./config').threshold);

try {
  require('./lib/missing');
} catch (error) {
  console.log(error.code, error.message.split('\n')[0], error.requireStack.length);
}
try {
  require('./broken.json');
} catch (error) {
  console.log(error.name, path.relative(__dirname, error.message.slice(0, error.message.indexOf(':'))));
}
