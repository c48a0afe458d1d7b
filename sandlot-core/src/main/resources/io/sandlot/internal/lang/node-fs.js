// Node's fs for JavaScript guests, over the host calls of JsFiles (see there): the synchronous functions, their
// fs.promises and callback forms, Stats and Dirent, with node's errors. Evaluated once per context, on the first
// require('fs'); the value is a function of the host calls and of a function that gives the context's Buffer (the
// class of the bytes it reads) that returns the module.
(function (host, bufferClass, errors) {
  'use strict';
  const GuestError = Error, GuestTypeError = TypeError, DateOf = (ms) => new Date(ms);

  const { invalidArgType } = errors;

  /** The path as a string: node takes a string, a Buffer or other Uint8Array, or a file: URL. */
  const pathOf = (path, name = 'path') => {
    if (path instanceof Uint8Array) {
      path = new TextDecoder().decode(path);
    } else if (path !== null && typeof path === 'object' && typeof path.href === 'string'
        && path.protocol === 'file:') {
      path = decodeURIComponent(path.pathname);
    }
    if (typeof path !== 'string') {
      throw invalidArgType(name, 'of type string or an instance of Buffer or URL', path);
    }
    if (path.includes('\0')) {
      const error = new GuestTypeError(`The argument '${name}' must be a string, Uint8Array, or URL without null `
          + `bytes. Received ${JSON.stringify(path).replace(/\\u0000/g, '\\x00').replace(/^"|"$/g, "'")}`);
      error.code = 'ERR_INVALID_ARG_VALUE';
      throw error;
    }
    return path;
  };

  /** Node's error for what the file system refused: "ENOENT: no such file or directory, open 'data.csv'". */
  const systemError = ([code, errno, description], syscall, path, dest) => {
    let message = `${code}: ${description}, ${syscall}`;
    if (path !== undefined) message += ` '${path}'`;
    if (dest !== undefined) message += ` -> '${dest}'`;
    const error = new GuestError(message);
    error.errno = errno;
    error.code = code;
    error.syscall = syscall;
    if (path !== undefined) error.path = path;
    if (dest !== undefined) error.dest = dest;
    return error;
  };

  /** Calls the host; a refusal becomes node's error, naming the paths as the guest gave them. */
  const call = (operation, syscall, path, dest, ...args) => {
    const result = host[operation](...args);
    if (result[0] !== null) {
      throw systemError(result, syscall, path, dest);
    }
    return result[1];
  };

  const options = (value, defaults) => {
    if (value === undefined || value === null) return { ...defaults };
    if (typeof value === 'string') return { ...defaults, encoding: value };
    if (typeof value !== 'object') {
      throw invalidArgType('options', 'one of type string or an instance of Object', value);
    }
    return { ...defaults, ...value };
  };

  const ENCODINGS = new Set(['utf8', 'utf-8', 'utf16le', 'utf-16le', 'ucs2', 'ucs-2', 'latin1', 'binary', 'ascii',
    'base64', 'base64url', 'hex']);
  const encodingOf = (encoding) => {
    if (encoding === undefined || encoding === null || encoding === 'buffer') return null;
    const normal = String(encoding).toLowerCase();
    if (!ENCODINGS.has(normal)) {
      const error = new GuestTypeError(`The argument 'encoding' is invalid encoding. Received '${encoding}'`);
      error.code = 'ERR_INVALID_ARG_VALUE';
      throw error;
    }
    return normal === 'utf-8' ? 'utf8' : normal;
  };

  let buffer = null;   // the class of node:buffer, made when first needed
  const nodeBuffer = () => buffer ?? (buffer = bufferClass());
  const bytesOf = (latin1) => nodeBuffer().from(latin1, 'latin1');
  const latin1Of = (data) => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    return text;
  };

  /** Writes data as node does: a string in its encoding (UTF-8 by default), or the bytes of a view. */
  const write = (file, data, opts, flag) => {
    const path = pathOf(file, 'path');
    const { encoding } = opts;
    if (typeof data === 'string') {
      const enc = encodingOf(encoding ?? 'utf8');
      return enc === 'utf8' ? call('write', 'open', path, undefined, path, data, false, flag)
          : call('write', 'open', path, undefined, path, latin1Of(nodeBuffer().from(data, enc)), true, flag);
    }
    if (ArrayBuffer.isView(data)) {
      return call('write', 'open', path, undefined, path, latin1Of(data), true, flag);
    }
    throw invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  };

  const S_IFMT = 0o170000, S_IFREG = 0o100000, S_IFDIR = 0o040000;

  class Stats {
    constructor([isDirectory, size, mtimeMs, atimeMs, ctimeMs, birthtimeMs, mode, ino, nlink, uid, gid, dev, rdev]) {
      Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize: 4096, ino, size,
        blocks: Math.ceil(size / 4096) * 8, atimeMs, mtimeMs, ctimeMs, birthtimeMs, atime: DateOf(atimeMs),
        mtime: DateOf(mtimeMs), ctime: DateOf(ctimeMs), birthtime: DateOf(birthtimeMs) });
    }
    isFile() { return (this.mode & S_IFMT) === S_IFREG; }
    isDirectory() { return (this.mode & S_IFMT) === S_IFDIR; }
    isSymbolicLink() { return false; }
    isBlockDevice() { return false; }
    isCharacterDevice() { return false; }
    isFIFO() { return false; }
    isSocket() { return false; }
  }

  const TYPE = Symbol('type');
  class Dirent {
    constructor(name, directory, parentPath) {
      this.name = name;
      this.parentPath = parentPath;
      this.path = parentPath;
      this[TYPE] = directory ? 2 : 1;
    }
    isFile() { return this[TYPE] === 1; }
    isDirectory() { return this[TYPE] === 2; }
    isSymbolicLink() { return false; }
    isBlockDevice() { return false; }
    isCharacterDevice() { return false; }
    isFIFO() { return false; }
    isSocket() { return false; }
  }

  const constants = Object.freeze({ F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2,
    COPYFILE_FICLONE_FORCE: 4, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, S_IFMT, S_IFREG, S_IFDIR });

  const sync = {
    readFileSync(file, opts) {
      const path = pathOf(file);
      const encoding = encodingOf(options(opts, { encoding: null }).encoding);
      const result = host.read(path, encoding === 'utf8');
      if (result[0] !== null) {   // node opens a directory, and fails to read it
        throw result[0] === 'EISDIR' ? systemError(result, 'read') : systemError(result, 'open', path);
      }
      if (encoding === 'utf8') {
        return result[1];
      }
      const bytes = bytesOf(result[1]);
      return encoding === null ? bytes : bytes.toString(encoding);
    },
    writeFileSync(file, data, opts) {
      const o = options(opts, { encoding: 'utf8', flag: 'w' });
      write(file, data, o, String(o.flag));
    },
    appendFileSync(file, data, opts) {
      const o = options(opts, { encoding: 'utf8', flag: 'a' });
      write(file, data, o, String(o.flag));
    },
    existsSync(file) {
      try {
        const path = pathOf(file);
        return host.stat(path)[0] === null;
      } catch {
        return false;
      }
    },
    statSync(file, opts) {
      const path = pathOf(file);
      const result = host.stat(path);
      if (result[0] !== null) {
        if (result[0] === 'ENOENT' && opts?.throwIfNoEntry === false) return undefined;
        throw systemError(result, 'stat', path);
      }
      return new Stats(result[1]);
    },
    lstatSync(file, opts) {
      const path = pathOf(file);
      const result = host.stat(path);
      if (result[0] !== null) {
        if (result[0] === 'ENOENT' && opts?.throwIfNoEntry === false) return undefined;
        throw systemError(result, 'lstat', path);
      }
      return new Stats(result[1]);
    },
    readdirSync(dir, opts) {
      const path = pathOf(dir);
      const o = options(opts, {});
      const list = (at, prefix) => Array.from(call('readdir', 'scandir', at, undefined, at),
          ([name, directory]) => [prefix + name, directory, name]);
      const entries = list(path, '');
      if (o.recursive) {
        for (let i = 0; i < entries.length; i++) {   // breadth first, as node lists
          if (entries[i][1]) entries.push(...list(`${path}/${entries[i][0]}`, `${entries[i][0]}/`));
        }
      }
      if (!o.withFileTypes) return entries.map(([relative]) => relative);
      return entries.map(([relative, directory, name]) => new Dirent(name, directory,
          relative.includes('/') ? `${path}/${relative.slice(0, relative.lastIndexOf('/'))}` : path));
    },
    mkdirSync(dir, opts) {
      const path = pathOf(dir);
      const recursive = typeof opts === 'object' && opts !== null && Boolean(opts.recursive);
      const made = call('mkdir', 'mkdir', path, undefined, path, recursive);
      if (!recursive || made === 0) return undefined;
      const parts = path.replace(/\/+$/, '').split('/');   // the first directory made, named as the guest named it
      return parts.slice(0, parts.length - made + 1).join('/') || '/';
    },
    rmSync(file, opts) {
      const path = pathOf(file);
      const { recursive = false, force = false } = options(opts, {});
      const result = host.remove(path, recursive ? 'rm-recursive' : 'rm');
      if (result[0] === 'ENOENT' && force) return;
      if (result[0] === 'EISDIR') {
        const error = new GuestError(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
        Object.assign(error, { code: 'ERR_FS_EISDIR', errno: 21, syscall: 'rm', path });
        error.name = 'SystemError';
        throw error;
      }
      if (result[0] !== null) throw systemError(result, result[0] === 'ENOENT' ? 'lstat' : 'rm', path);
    },
    rmdirSync(dir, opts) {
      const path = pathOf(dir);
      call('remove', 'rmdir', path, undefined, path, opts?.recursive ? 'rm-recursive' : 'rmdir');
    },
    unlinkSync(file) {
      const path = pathOf(file);
      call('remove', 'unlink', path, undefined, path, 'unlink');
    },
    renameSync(from, to) {
      const source = pathOf(from, 'oldPath'), target = pathOf(to, 'newPath');
      call('rename', 'rename', source, target, source, target);
    },
    copyFileSync(from, to, mode = 0) {
      const source = pathOf(from, 'src'), target = pathOf(to, 'dest');
      call('copy', 'copyfile', source, target, source, target, (mode & constants.COPYFILE_EXCL) !== 0);
    },
    accessSync(file, mode = constants.F_OK) {
      const path = pathOf(file);
      call('access', 'access', path, undefined, path, mode | 0);
    },
    realpathSync(file) {
      const path = pathOf(file);
      return call('realpath', 'lstat', path, undefined, path);
    },
  };

  // fs.promises.readFile and fs.readFile(..., callback): the same work, answered as a promise or on a later turn
  const promises = {};
  const callbacks = {};
  for (const [name, fn] of Object.entries(sync)) {
    const base = name.slice(0, -'Sync'.length);
    Object.defineProperty(fn, 'name', { value: name });
    if (base !== 'exists') {
      promises[base] = { async [base](...args) { return fn(...args); } }[base];
    }
    callbacks[base] = { [base](...args) {
      const callback = args.pop();
      if (typeof callback !== 'function') throw invalidArgType('cb', 'of type function', callback);
      let error = null, value;
      try {
        value = fn(...args);
      } catch (e) {
        error = e;
      }
      setTimeout(() => base === 'exists' ? callback(value) : error ? callback(error) : callback(null, value), 0);
    } }[base];
  }
  promises.constants = constants;
  const { F_OK, R_OK, W_OK, X_OK } = constants;
  return { ...callbacks, ...sync, constants, F_OK, R_OK, W_OK, X_OK, promises, Stats, Dirent };
})
