// why: node's util.inspect with showHidden, nested objects and getters, over everything the sandbox adds (process,
// why: require and its modules, console, the CommonJS names), must find no host object, class or polyglot door
// expect: ok
// value: []
const util = require('util');
const assert = require('assert');
const fs = require('fs');
const seen = util.inspect({ process, require, module, console, util, assert, fs },
  { showHidden: true, depth: 4, getters: true, maxArrayLength: Infinity, maxStringLength: Infinity });
['java.', 'Java', 'Polyglot', 'Packages', 'org.graalvm', 'io.sandlot', 'HostObject', 'ProxyExecutable']
  .filter((name) => seen.includes(name))
