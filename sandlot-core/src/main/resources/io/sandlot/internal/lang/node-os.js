// Node's `os` for JavaScript guests: the sandbox's own machine, not the host's. Nothing here is read from the host:
// the answers are fixed (a Linux x64 machine named 'sandbox', one CPU, as a guest runs on one thread, no network
// interfaces, a load of 0), but for the memory, which is the execution's memory limit (totalmem) less roughly what
// the script has allocated (freemem, as process.memoryUsage().rss counts it), and the uptime, the seconds since the
// context started. The constants (signals, errno, priorities, dlopen) are Linux's numbers, as node's on Linux.
// Evaluated once per context, on the first require('os'); the value is a function of node's argument errors
// (node-errors.js), of the sandbox's process functions (JsProcess: memoryUsage, uptime) and of the execution's memory
// limit in bytes that returns the module.
(function (errors, process, memoryLimit) {
  'use strict';
  const { invalidArgType, outOfRange } = errors;
  const nullObject = (entries) => Object.assign(Object.create(null), entries);
  const signals = nullObject({
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
    SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17,
    SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24,
    SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  });
  const errno = nullObject({
    E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAFNOSUPPORT: 97, EAGAIN: 11, EALREADY: 114,
    EBADF: 9, EBADMSG: 74, EBUSY: 16, ECANCELED: 125, ECHILD: 10, ECONNABORTED: 103, ECONNREFUSED: 111,
    ECONNRESET: 104, EDEADLK: 35, EDESTADDRREQ: 89, EDOM: 33, EDQUOT: 122, EEXIST: 17, EFAULT: 14, EFBIG: 27,
    EHOSTUNREACH: 113, EIDRM: 43, EILSEQ: 84, EINPROGRESS: 115, EINTR: 4, EINVAL: 22, EIO: 5, EISCONN: 106,
    EISDIR: 21, ELOOP: 40, EMFILE: 24, EMLINK: 31, EMSGSIZE: 90, EMULTIHOP: 72, ENAMETOOLONG: 36, ENETDOWN: 100,
    ENETRESET: 102, ENETUNREACH: 101, ENFILE: 23, ENOBUFS: 105, ENODATA: 61, ENODEV: 19, ENOENT: 2, ENOEXEC: 8,
    ENOLCK: 37, ENOLINK: 67, ENOMEM: 12, ENOMSG: 42, ENOPROTOOPT: 92, ENOSPC: 28, ENOSR: 63, ENOSTR: 60,
    ENOSYS: 38, ENOTCONN: 107, ENOTDIR: 20, ENOTEMPTY: 39, ENOTSOCK: 88, ENOTSUP: 95, ENOTTY: 25, ENXIO: 6,
    EOPNOTSUPP: 95, EOVERFLOW: 75, EPERM: 1, EPIPE: 32, EPROTO: 71, EPROTONOSUPPORT: 93, EPROTOTYPE: 91,
    ERANGE: 34, EROFS: 30, ESPIPE: 29, ESRCH: 3, ESTALE: 116, ETIME: 62, ETIMEDOUT: 110, ETXTBSY: 26,
    EWOULDBLOCK: 11, EXDEV: 18,
  });
  const priority = nullObject({
    PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14,
    PRIORITY_HIGHEST: -20,
  });
  const dlopen = nullObject({ RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 });
  const constants = nullObject({ UV_UDP_REUSEADDR: 4, dlopen, errno, signals, priority });

  const HOME = '/work';
  let niceness = 0;   // what setPriority set, for getPriority: the sandbox schedules nothing by it
  const checkPid = (pid) => {
    if (typeof pid !== 'number') throw invalidArgType('pid', 'of type number', pid);
    if (!Number.isInteger(pid)) throw outOfRange('pid', 'an integer', pid);
    if (pid < -2147483648 || pid > 2147483647) throw outOfRange('pid', '>= -2147483648 && <= 2147483647', pid);
  };

  const os = {
    arch: () => 'x64',
    availableParallelism: () => 1,
    cpus: () => [{ model: 'Sandlot virtual CPU', speed: 0,
                   times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }],
    endianness: () => 'LE',
    freemem: () => Math.max(0, memoryLimit() - process.memoryUsage().rss),
    getPriority(pid = 0) {
      checkPid(pid);
      return niceness;
    },
    homedir: () => HOME,
    hostname: () => 'sandbox',
    loadavg: () => [0, 0, 0],
    networkInterfaces: () => ({}),
    platform: () => 'linux',
    release: () => '6.1.0-sandlot',
    setPriority(pid, value) {
      if (value === undefined) {
        value = pid;
        pid = 0;
      }
      checkPid(pid);
      if (typeof value !== 'number') throw invalidArgType('priority', 'of type number', value);
      if (!Number.isInteger(value)) throw outOfRange('priority', 'an integer', value);
      if (value < -20 || value > 19) throw outOfRange('priority', '>= -20 && <= 19', value);
      niceness = value;
    },
    tmpdir: () => '/tmp',
    totalmem: () => memoryLimit(),
    type: () => 'Linux',
    userInfo() {
      return nullObject({ uid: 1000, gid: 1000, username: 'sandbox', homedir: HOME, shell: '/bin/sh' });
    },
    uptime: () => Math.round(process.uptime() * 100) / 100,   // as node's, to the hundredth
    version: () => '#1 SMP Sandlot',
    machine: () => 'x86_64',
    constants,
    EOL: '\n',
    devNull: '/dev/null',
  };
  // as node's, these become their value where a primitive is wanted: `${os.hostname}` is 'sandbox'
  for (const name of ['arch', 'availableParallelism', 'endianness', 'freemem', 'homedir', 'hostname', 'platform',
    'release', 'tmpdir', 'totalmem', 'type', 'uptime', 'version', 'machine']) {
    const fn = os[name];
    fn[Symbol.toPrimitive] = () => fn();
  }
  Object.defineProperty(os, 'constants', { value: constants, writable: false, enumerable: true,
                                           configurable: false });
  return os;
})
