// Node's path for JavaScript guests: path-browserify (node's posix path for browsers, fetched by src/build/fetch-js),
// whose functions check their arguments as node's do (node's ERR_INVALID_ARG_TYPE errors, where path-browserify says
// "Path must be a string"), and whose format is node 20's (which adds the dot an ext lacks). Evaluated once per context, on the first require('path'); the value is a function of
// the package's exports (path.posix === path, as node's on Linux) that returns node's module.
(function (path, errors) {
  'use strict';
  const apply = Reflect.apply;
  const { invalidArgType } = errors;
  const string = (value, name) => {
    if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
  };
  const path1 = ([value]) => string(value, 'path');

  // what node checks before each function runs, in node's order
  const checks = {
    // from the last path back to the first absolute one (node reads no further)
    resolve(paths) {
      for (let i = paths.length - 1; i >= 0; i--) {
        string(paths[i], `paths[${i}]`);
        if (paths[i].startsWith('/')) break;
      }
    },
    join: (paths) => paths.forEach((value) => string(value, 'path')),
    relative([from, to]) {
      string(from, 'from');
      string(to, 'to');
    },
    basename([value, suffix]) {
      if (suffix !== undefined) string(suffix, 'suffix');
      string(value, 'path');
    },
    normalize: path1, isAbsolute: path1, dirname: path1, extname: path1, parse: path1,
  };
  for (const [name, check] of Object.entries(checks)) {
    const original = path[name];
    path[name] = { [name](...args) {
      check(args);
      return apply(original, path, args);
    } }[name];
  }
  path.format = function format(pathObject) {
    if (pathObject === null || typeof pathObject !== 'object' || Array.isArray(pathObject)) {
      throw invalidArgType('pathObject', 'of type object', pathObject);
    }
    const dir = pathObject.dir || pathObject.root, ext = pathObject.ext;
    const base = pathObject.base || `${pathObject.name || ''}${ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : ''}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
  };
  return path;
})
