// why: a module file is the guest's code wrapped in a function as node's loader wraps it: code that closes the
// why: wrapper early runs as a plain script of the guest, with no more than the guest's own globals
// policy: vfs
// expect: ok
// value: ["undefined", "undefined", "undefined", "object"]
require('fs').writeFileSync('escape.js', "}); globalThis.seen = [typeof Java, typeof Graal, typeof Polyglot, "
  + "typeof process]; (function () {");
try {
  require('./escape.js');
} catch (e) {
  // the escaped script evaluates to something else than the wrapper: that is an error of the guest, not a door
}
globalThis.seen ?? ['not run']
