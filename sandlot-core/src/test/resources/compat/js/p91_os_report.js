// An agent's environment report with os: what a script asks to pick paths, line endings and worker counts. The
// machine's own figures (host name, memory, CPU model) differ between machines, so only their shape is printed.
const os = require('os');
const fs = require('fs');
const path = require('path');

console.log(Object.keys(os).join(','));
console.log(os.platform(), os.type(), os.arch(), os.endianness(), JSON.stringify(os.EOL), os.devNull, os.tmpdir());
const workers = Math.max(1, Math.min(4, os.availableParallelism() - 1));
console.log('workers', workers >= 1 && workers <= 4, os.cpus().length >= 1, os.cpus().length === os.availableParallelism());
const cpu = os.cpus()[0];
console.log(Object.keys(cpu), Object.keys(cpu.times), typeof cpu.model, typeof cpu.speed);
console.log(os.totalmem() > 0, os.freemem() > 0, os.freemem() <= os.totalmem(), typeof os.uptime() === 'number' && os.uptime() >= 0);
console.log(typeof os.hostname(), typeof os.release(), typeof os.version(), typeof os.machine(), os.loadavg().length);
const user = os.userInfo();
console.log(Object.keys(user), typeof user.username, path.isAbsolute(user.homedir), path.isAbsolute(os.homedir()));
console.log(typeof os.networkInterfaces(), Array.isArray(os.networkInterfaces()));
console.log(os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.signals.SIGKILL,
  os.constants.errno.ENOENT, os.constants.errno.EACCES, os.constants.priority.PRIORITY_HIGH,
  Object.keys(os.constants), Object.keys(os.constants.signals).length, Object.keys(os.constants.errno).length);
console.log(`${os.platform}`, os.getPriority(), typeof os.setPriority);

// a scratch file under the temporary directory, with the platform's line ending
const dir = path.join(os.tmpdir(), `report-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'lines.txt');
fs.writeFileSync(file, ['alpha', 'beta', 'gamma'].join(os.EOL) + os.EOL);
const lines = fs.readFileSync(file, 'utf8').split(os.EOL).filter(Boolean);
console.log(lines, path.dirname(file).startsWith(os.tmpdir()));
fs.rmSync(dir, { recursive: true });

const MB = 1024 * 1024;
console.log(`memory: ${(os.freemem() / MB) > 0 ? 'some' : 'none'} free of ${(os.totalmem() / MB) > 0 ? 'some' : 'none'}`);
for (const bad of [() => os.getPriority('me'), () => os.setPriority(0, 40), () => os.setPriority(0, 1.5),
  () => os.userInfo(5)]) {
  try {
    bad();
  } catch (error) {
    console.log(error.code, error.message);
  }
}
