// why: require('os') must answer for the sandbox, not the host: no host name, user, home, kernel, CPU model,
// why: network address or memory figure of the machine the JVM runs on; the memory is the execution's limit
// expect: ok
// limits: maxMemoryMb=256
// value: ["sandbox", "/work", "sandbox", "6.1.0-sandlot", 1, "Sandlot virtual CPU", "{}", 268435456, true, "[0,0,0]"]
const os = require('os');
[os.hostname(), os.homedir(), os.userInfo().username, os.release(), os.cpus().length, os.cpus()[0].model,
  JSON.stringify(os.networkInterfaces()), os.totalmem(), os.freemem() <= os.totalmem(), JSON.stringify(os.loadavg())]
