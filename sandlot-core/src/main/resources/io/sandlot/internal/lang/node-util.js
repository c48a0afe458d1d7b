// Node's `util` for JavaScript guests: a function of `inspector` (which loads node's own util.inspect and
// util.format, from node-inspect-extracted, the first time it is called: the console's, shared) and of node's
// argument errors (node-errors.js) that returns the
// module, and the deep equality that assert shares. Everything else here is our own, written to node 20's
// documented behaviour.
(function (inspector, errors) {
  'use strict';
  const GuestTypeError = TypeError, GuestError = Error;
  const toTag = (value) => Object.prototype.toString.call(value);
  const getter = (prototype, name) => Object.getOwnPropertyDescriptor(prototype, name).get;
  // brand checks: a prototype method or getter that throws unless its receiver has the internal slot
  const branded = (check) => (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      return false;
    }
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  };
  const typedArrayTag = getter(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag);
  const isTypedArrayOf = (name) => (value) => typedArrayTag.call(value) === name;
  const isBoxed = (type) => branded((value) => type.prototype.valueOf.call(value));

  const { invalidArgType, requireFunction } = errors;

  const types = {
    isAnyArrayBuffer: (value) => types.isArrayBuffer(value) || types.isSharedArrayBuffer(value),
    isArrayBuffer: branded((value) => getter(ArrayBuffer.prototype, 'byteLength').call(value)),
    isArrayBufferView: (value) => ArrayBuffer.isView(value),
    isAsyncFunction: (value) => typeof value === 'function'
        && (toTag(value) === '[object AsyncFunction]' || toTag(value) === '[object AsyncGeneratorFunction]'),
    isBigInt64Array: isTypedArrayOf('BigInt64Array'),
    isBigIntObject: isBoxed(BigInt),
    isBigUint64Array: isTypedArrayOf('BigUint64Array'),
    isBooleanObject: isBoxed(Boolean),
    isBoxedPrimitive: (value) => types.isNumberObject(value) || types.isStringObject(value)
        || types.isBooleanObject(value) || types.isBigIntObject(value) || types.isSymbolObject(value),
    isDataView: branded((value) => getter(DataView.prototype, 'byteLength').call(value)),
    isDate: branded((value) => Date.prototype.getTime.call(value)),
    isFloat32Array: isTypedArrayOf('Float32Array'),
    isFloat64Array: isTypedArrayOf('Float64Array'),
    isGeneratorFunction: (value) => typeof value === 'function'
        && (toTag(value) === '[object GeneratorFunction]' || toTag(value) === '[object AsyncGeneratorFunction]'),
    isGeneratorObject: (value) => toTag(value) === '[object Generator]',
    isInt8Array: isTypedArrayOf('Int8Array'),
    isInt16Array: isTypedArrayOf('Int16Array'),
    isInt32Array: isTypedArrayOf('Int32Array'),
    isMap: branded((value) => getter(Map.prototype, 'size').call(value)),
    isMapIterator: (value) => toTag(value) === '[object Map Iterator]',
    isModuleNamespaceObject: (value) => value !== null && typeof value === 'object' && toTag(value) === '[object Module]'
        && Object.getPrototypeOf(value) === null,
    isNativeError: (value) => toTag(value) === '[object Error]' && value instanceof GuestError,
    isNumberObject: isBoxed(Number),
    isPromise: (value) => value instanceof Promise,
    isRegExp: branded((value) => {
      if (value === RegExp.prototype) {   // the one object whose source getter answers without the slot
        throw new GuestTypeError('not a RegExp');
      }
      getter(RegExp.prototype, 'source').call(value);
    }),
    isSet: branded((value) => getter(Set.prototype, 'size').call(value)),
    isSetIterator: (value) => toTag(value) === '[object Set Iterator]',
    isSharedArrayBuffer: typeof SharedArrayBuffer === 'function'
        ? branded((value) => getter(SharedArrayBuffer.prototype, 'byteLength').call(value)) : () => false,
    isStringObject: isBoxed(String),
    isSymbolObject: isBoxed(Symbol),
    isTypedArray: (value) => typedArrayTag.call(value) !== undefined,
    isUint8Array: isTypedArrayOf('Uint8Array'),
    isUint8ClampedArray: isTypedArrayOf('Uint8ClampedArray'),
    isUint16Array: isTypedArrayOf('Uint16Array'),
    isUint32Array: isTypedArrayOf('Uint32Array'),
    isWeakMap: branded((value) => WeakMap.prototype.has.call(value, {})),
    isWeakSet: branded((value) => WeakSet.prototype.has.call(value, {})),
  };

  // Node's comparison for isDeepStrictEqual and assert's deep equality: strict compares prototypes, type tags
  // and primitives with Object.is; loose ignores prototypes and compares primitives with ==.
  const enumerableSymbols = (object) =>
    Object.getOwnPropertySymbols(object).filter((symbol) => Object.prototype.propertyIsEnumerable.call(object, symbol));
  function deepEqual(actual, expected, strict, memos) {
    if (actual === expected) {
      return actual !== 0 || !strict || Object.is(actual, expected);
    }
    if (strict) {
      if (typeof actual !== 'object') {
        return typeof actual === 'number' && Number.isNaN(actual) && Number.isNaN(expected);
      }
      if (typeof expected !== 'object' || actual === null || expected === null
          || Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) {
        return false;
      }
    } else {
      if (actual === null || typeof actual !== 'object') {
        if (expected === null || typeof expected !== 'object') {
          // eslint-disable-next-line eqeqeq
          return actual == expected || (Number.isNaN(actual) && Number.isNaN(expected));
        }
        return false;
      }
      if (expected === null || typeof expected !== 'object') {
        return false;
      }
    }
    if (toTag(actual) !== toTag(expected) || Array.isArray(actual) !== Array.isArray(expected)) {
      return false;
    }
    if (types.isDate(actual)) {
      if (!types.isDate(expected) || actual.getTime() !== expected.getTime()) {
        return false;
      }
    } else if (types.isRegExp(actual)) {
      if (!types.isRegExp(expected) || actual.source !== expected.source || actual.flags !== expected.flags
          || actual.lastIndex !== expected.lastIndex) {
        return false;
      }
    } else if (types.isNativeError(actual) || actual instanceof GuestError) {
      if (actual.message !== expected.message || actual.name !== expected.name) {
        return false;
      }
    } else if (types.isBoxedPrimitive(actual)) {
      if (!Object.is(actual.valueOf(), expected.valueOf())) {
        return false;
      }
    } else if (ArrayBuffer.isView(actual)) {
      if (!sameBytes(actual, expected, strict)) {
        return false;
      }
    } else if (types.isAnyArrayBuffer(actual)) {
      if (!sameBytes(new Uint8Array(actual), new Uint8Array(expected), true)) {
        return false;
      }
    }
    // cycles: a pair already being compared is taken as equal, as node does
    memos ??= { actual: new Map(), expected: new Map(), depth: 0 };
    const seenActual = memos.actual.get(actual);
    if (seenActual !== undefined) {
      const seenExpected = memos.expected.get(expected);
      if (seenExpected !== undefined) {
        return seenActual === seenExpected;
      }
    }
    memos.depth++;
    memos.actual.set(actual, memos.depth);
    memos.expected.set(expected, memos.depth);
    try {
      return sameKeysAndValues(actual, expected, strict, memos);
    } finally {
      memos.actual.delete(actual);
      memos.expected.delete(expected);
    }
  }
  function sameBytes(actual, expected, strict) {
    if (actual.byteLength !== expected.byteLength) {
      return false;
    }
    if (!strict && (types.isFloat32Array(actual) || types.isFloat64Array(actual))) {
      for (let i = 0; i < actual.length; i++) {
        if (actual[i] !== expected[i]) {
          return false;
        }
      }
      return true;
    }
    const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
    const b = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
    return a.every((byte, i) => byte === b[i]);
  }
  function sameKeysAndValues(actual, expected, strict, memos) {
    // typed arrays compared by their bytes above: their indices are not compared again
    const skipIndices = ArrayBuffer.isView(actual);
    const keysOf = (object) => Object.keys(object).filter((key) => !skipIndices || !/^\d+$/.test(key));
    const actualKeys = keysOf(actual);
    const expectedKeys = keysOf(expected);
    if (actualKeys.length !== expectedKeys.length) {
      return false;
    }
    for (const key of actualKeys) {
      if (!Object.prototype.propertyIsEnumerable.call(expected, key)) {
        return false;
      }
    }
    if (strict) {
      const actualSymbols = enumerableSymbols(actual);
      if (actualSymbols.length !== enumerableSymbols(expected).length
          || actualSymbols.some((symbol) => !Object.prototype.propertyIsEnumerable.call(expected, symbol))) {
        return false;
      }
      actualKeys.push(...actualSymbols);
    }
    if (Array.isArray(actual) && actual.length !== expected.length) {
      return false;
    }
    if (types.isSet(actual)) {
      if (!types.isSet(expected) || !sameSets(actual, expected, strict, memos)) {
        return false;
      }
    } else if (types.isMap(actual)) {
      if (!types.isMap(expected) || !sameMaps(actual, expected, strict, memos)) {
        return false;
      }
    }
    return actualKeys.every((key) => deepEqual(actual[key], expected[key], strict, memos));
  }
  const isObjectLike = (value) => value !== null && typeof value === 'object';
  function sameSets(actual, expected, strict, memos) {
    if (actual.size !== expected.size) {
      return false;
    }
    const unmatched = [];
    for (const value of actual) {
      if (isObjectLike(value) || (!strict && !expected.has(value))) {
        unmatched.push(value);
      } else if (!expected.has(value)) {
        return false;
      }
    }
    if (unmatched.length === 0) {
      return true;
    }
    const candidates = [...expected].filter((value) => isObjectLike(value) || !strict || !actual.has(value));
    return unmatched.every((value) => {
      const index = candidates.findIndex((candidate) => deepEqual(value, candidate, strict, memos));
      return index >= 0 && candidates.splice(index, 1).length === 1;
    });
  }
  function sameMaps(actual, expected, strict, memos) {
    if (actual.size !== expected.size) {
      return false;
    }
    const unmatched = [];
    for (const [key, value] of actual) {
      if (!isObjectLike(key) && expected.has(key)) {
        if (!deepEqual(value, expected.get(key), strict, memos)) {
          return false;
        }
      } else {
        unmatched.push([key, value]);
      }
    }
    const candidates = [...expected].filter(([key]) => isObjectLike(key) || !actual.has(key));
    return unmatched.every(([key, value]) => {
      const index = candidates.findIndex(([otherKey, otherValue]) =>
        deepEqual(key, otherKey, strict, memos) && deepEqual(value, otherValue, strict, memos));
      return index >= 0 && candidates.splice(index, 1).length === 1;
    });
  }

  const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
  function promisify(original) {
    requireFunction('original', original);
    if (original[kCustomPromisify]) {
      const custom = original[kCustomPromisify];
      requireFunction('util.promisify.custom', custom);
      return Object.defineProperty(custom, kCustomPromisify, { value: custom, configurable: true });
    }
    function promisified(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (error, value) => (error ? reject(error) : resolve(value))]);
      });
    }
    Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
    Object.defineProperty(promisified, kCustomPromisify, { value: promisified, configurable: true });
    return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = kCustomPromisify;

  function callbackify(original) {
    requireFunction('original', original);
    function callbackified(...args) {
      const callback = args.pop();
      requireFunction('last argument', callback);
      const settle = (error, value) => queueMicrotask(() => callback(error, value));
      Reflect.apply(original, this, args).then((value) => settle(null, value), (reason) => {
        if (!reason) {
          const wrapped = new GuestError('Promise was rejected with a falsy value');
          wrapped.code = 'ERR_FALSY_VALUE_REJECTION';
          wrapped.reason = reason;
          reason = wrapped;
        }
        settle(reason);
      });
    }
    const descriptors = Object.getOwnPropertyDescriptors(original);
    if (typeof descriptors.length.value === 'number') {
      descriptors.length.value++;
    }
    if (typeof descriptors.name.value === 'string') {
      descriptors.name.value += 'Callbackified';
    }
    return Object.defineProperties(callbackified, descriptors);
  }

  function inherits(constructor, superConstructor) {
    requireFunction('ctor', constructor);
    requireFunction('superCtor', superConstructor);
    if (superConstructor.prototype === undefined) {
      throw invalidArgType('superCtor.prototype', 'of type object', superConstructor.prototype);
    }
    Object.defineProperty(constructor, 'super_', { value: superConstructor, writable: true, configurable: true });
    Object.setPrototypeOf(constructor.prototype, superConstructor.prototype);
  }

  const warned = new Set();
  function deprecate(fn, message, code) {
    requireFunction('fn', fn);
    function deprecated(...args) {
      const key = code ?? message;
      if (!warned.has(key)) {
        warned.add(key);
        console.error(`(node:1) ${code ? `[${code}] ` : ''}DeprecationWarning: ${message}\n`
            + '(Use `node --trace-deprecation ...` to show where the warning was created)');
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) {
      deprecated.prototype = fn.prototype;
    }
    return deprecated;
  }

  const util = {
    callbackify,
    deprecate,
    format: (...args) => inspector().format(...args),
    formatWithOptions: (options, ...args) => inspector().formatWithOptions(options, ...args),
    inherits,
    isArray: Array.isArray,
    isDeepStrictEqual: (a, b) => deepEqual(a, b, true),
    promisify,
    stripVTControlCharacters: (text) => {
      if (typeof text !== 'string') {
        throw invalidArgType('str', 'of type string', text);
      }
      // ECMA-48 control sequences (CSI: ESC [ or U+009B, parameters, intermediates, final byte) and OSC strings
      // eslint-disable-next-line no-control-regex
      return text.replace(/(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '');
    },
    toUSVString: (text) => String(text).toWellFormed(),
    types,
    TextDecoder,
    TextEncoder,
    // node's deprecated type checks, still there in node 20
    isBoolean: (value) => typeof value === 'boolean',
    isDate: types.isDate,
    isError: (value) => types.isNativeError(value) || value instanceof GuestError,
    isFunction: (value) => typeof value === 'function',
    isNull: (value) => value === null,
    isNullOrUndefined: (value) => value === null || value === undefined,
    isNumber: (value) => typeof value === 'number',
    isObject: (value) => value !== null && typeof value === 'object',
    isPrimitive: (value) => value === null || (typeof value !== 'object' && typeof value !== 'function'),
    isRegExp: types.isRegExp,
    isString: (value) => typeof value === 'string',
    isSymbol: (value) => typeof value === 'symbol',
    isUndefined: (value) => value === undefined,
  };
  // util.inspect is node's own, loaded on first use; its options and custom symbol are there before that
  const inspect = function inspect(...args) {
    return inspector().inspect(...args);
  };
  Object.defineProperties(inspect, {
    custom: { value: Symbol.for('nodejs.util.inspect.custom') },
    defaultOptions: { get: () => inspector().inspect.defaultOptions,
      set: (options) => { inspector().inspect.defaultOptions = options; } },
    colors: { get: () => inspector().inspect.colors },
    styles: { get: () => inspector().inspect.styles },
  });
  util.inspect = inspect;
  return { util, deepEqual };   // deepEqual for assert, which is not part of node's util
})
