// A script that validates config and throws a custom error uncaught.
class ConfigError extends Error {
  constructor(message, key) {
    super(message);
    this.name = 'ConfigError';
    this.key = key;
  }
}
const config = { port: '80a', host: 'example.com' };
console.log('validating config with keys:', Object.keys(config).join(', '));
function checkPort(p) {
  const n = Number(p);
  if (!Number.isInteger(n)) throw new ConfigError(`port must be an integer, got "${p}"`, 'port');
  return n;
}
console.error('warning: port is a string');
checkPort(config.port);
console.log('unreachable');
