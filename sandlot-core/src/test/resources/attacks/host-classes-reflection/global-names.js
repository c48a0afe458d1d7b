// why: the exact set of non-ECMAScript globals: any new one (Java, Graal, load, Deno...) fails this case;
// why: Sandlot adds display, chart and sql (copies in, nothing out), require (vetted bundled libraries, the
// why: guest-tree fs, buffer, path, util, assert, crypto, events, os, timers and timers/promises only; the ES
// why: modules of these builtins take them from require, with no global of their own) with module, exports,
// why: __filename and __dirname
// why: (plain values, as node's wrapper), and
// why: TextEncoder/TextDecoder (js.text-encoding, pure functions), node's timers and queueMicrotask (JsTimers),
// why: atob, btoa, structuredClone, performance with its entry classes PerformanceEntry, PerformanceMark and
// why: PerformanceMeasure, crypto and global (JsWebGlobals: pure functions, a monotonic clock, random bits and
// why: node's name for globalThis), a process without the host's environment (JsProcess) and node's
// why: Buffer (JsNodeModules: plain JS over the guest's own Uint8Arrays, defined on first use)
// expect: ok
// value: ["Buffer", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "TextDecoder", "TextEncoder", "__dirname", "__filename", "arguments", "atob", "btoa", "chart", "clearImmediate", "clearInterval", "clearTimeout", "console", "crypto", "display", "exports", "global", "hostDir", "marker", "module", "performance", "port", "print", "printErr", "process", "queueMicrotask", "require", "sentinel", "setImmediate", "setInterval", "setTimeout", "sql", "structuredClone"]
const standard = new Set(['AggregateError', 'Array', 'ArrayBuffer', 'Atomics', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry', 'Float16Array',
  'Float32Array', 'Float64Array', 'Function', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl',
  'Iterator', 'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError',
  'ReferenceError', 'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef',
  'WeakSet', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'eval',
  'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'undefined', 'unescape']);
Object.getOwnPropertyNames(globalThis).filter(k => !standard.has(k)).sort()
