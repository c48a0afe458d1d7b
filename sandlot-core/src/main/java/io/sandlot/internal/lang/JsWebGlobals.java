package io.sandlot.internal.lang;

import java.security.SecureRandom;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * What node has as globals, programs use, and GraalJS lacks: {@code atob}, {@code btoa} and {@code structuredClone}
 * (base64 of a string, a deep copy); V8's {@code Error.captureStackTrace} and {@code Error.stackTraceLimit}, with
 * which programs write their own error classes; {@code performance.now()} and User Timing's {@code mark} and
 * {@code measure}; and Web Crypto's
 * {@code crypto.getRandomValues} and {@code crypto.randomUUID} (not {@code crypto.subtle}); {@code global}; V8's
 * message of the AggregateError with which {@code Promise.any} rejects. Dates
 * print their zone as node does, and format with plain spaces and V8's hour cycle for {@code hour12: false} as V8
 * does. Written in the guest's language and run under its limits; the host gives only random bits and a
 * monotonic clock.
 */
final class JsWebGlobals {

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (randomInt, monotonicNanos) {
              const GuestError = Error, GuestTypeError = TypeError, apply = Reflect.apply;
              const define = (object, name, value, enumerable = false) => Object.defineProperty(object, name,
                  { value, writable: true, configurable: true, enumerable });
              const domError = (name, message) => {
                const error = new GuestError(message);
                Object.defineProperty(error, 'name', { value: name, configurable: true, writable: true });
                return error;
              };
              const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
              function btoa(data) {
                if (arguments.length === 0) {
                  throw new GuestTypeError('The "data" argument must be specified');
                }
                const text = String(data);
                let out = '';
                for (let i = 0; i < text.length; i += 3) {
                  const codes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
                  for (let k = 0; k < 3 && i + k < text.length; k++) {
                    if (codes[k] > 255) {
                      throw domError('InvalidCharacterError', 'Invalid character');
                    }
                  }
                  const n = (codes[0] << 16) | ((codes[1] || 0) << 8) | (codes[2] || 0);
                  out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
                      + (i + 1 < text.length ? ALPHABET[(n >> 6) & 63] : '=')
                      + (i + 2 < text.length ? ALPHABET[n & 63] : '=');
                }
                return out;
              }
              function atob(data) {
                if (arguments.length === 0) {
                  throw new GuestTypeError('The "data" argument must be specified');
                }
                let text = String(data).replace(/[\\t\\n\\f\\r ]/g, '');
                if (text.length % 4 === 0) {
                  text = text.replace(/==?$/, '');
                }
                if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) {
                  throw domError('InvalidCharacterError', 'The string to be decoded is not correctly encoded.');
                }
                let out = '', bits = 0, count = 0;
                for (const c of text) {
                  bits = (bits << 6) | ALPHABET.indexOf(c);
                  count += 6;
                  if (count >= 8) {
                    count -= 8;
                    out += String.fromCharCode((bits >> count) & 255);
                  }
                }
                return out;
              }
              function structuredClone(value) {
                const copies = new Map();
                const uncloneable = (v) => domError('DataCloneError', String(v) + ' could not be cloned.');
                const copyInto = (from, to, entries) => {
                  copies.set(from, to);
                  entries(to);
                  return to;
                };
                const clone = (v) => {
                  if (typeof v === 'function' || typeof v === 'symbol') {
                    throw uncloneable(v);
                  }
                  if (v === null || typeof v !== 'object') {
                    return v;
                  }
                  if (copies.has(v)) {
                    return copies.get(v);
                  }
                  if (Array.isArray(v)) {
                    return copyInto(v, new Array(v.length),
                        (to) => Object.keys(v).forEach((k) => { to[k] = clone(v[k]); }));
                  }
                  if (v instanceof Map) {
                    return copyInto(v, new Map(), (to) => v.forEach((x, k) => to.set(clone(k), clone(x))));
                  }
                  if (v instanceof Set) {
                    return copyInto(v, new Set(), (to) => v.forEach((x) => to.add(clone(x))));
                  }
                  let copy;
                  if (v instanceof Date) {
                    copy = new Date(v.getTime());
                  } else if (v instanceof RegExp) {
                    copy = new RegExp(v.source, v.flags);
                  } else if (v instanceof ArrayBuffer) {
                    copy = v.slice(0);
                  } else if (ArrayBuffer.isView(v)) {
                    copy = v instanceof DataView ? new DataView(v.buffer.slice(0), v.byteOffset, v.byteLength)
                        : new v.constructor(v);
                  } else if (v instanceof Boolean || v instanceof Number || v instanceof String) {
                    copy = Object(v.valueOf());
                  } else if (v instanceof Error) {
                    const Type = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]
                        .find((T) => T.prototype.name === v.name) || GuestError;
                    copy = new Type(v.message);
                    if ('stack' in v) copy.stack = v.stack;
                  } else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
                    throw uncloneable(v);
                  } else {
                    return copyInto(v, {}, (to) => Object.keys(v).forEach((k) => { to[k] = clone(v[k]); }));
                  }
                  copies.set(v, copy);
                  return copy;
                };
                if (arguments.length === 0) {
                  throw new GuestTypeError('The "value" argument must be specified');
                }
                return clone(value);
              }
              for (const fn of [atob, btoa, structuredClone]) {
                define(globalThis, fn.name, fn);
              }

              // V8's stack trace API, which node programs use in their own error classes.
              const errorToString = GuestError.prototype.toString;
              const FRAME_NAME = /^\\s*at (?:new |async )*([^\\s(]+) \\(/;
              function captureStackTrace(target, constructorOpt) {
                if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
                  throw new GuestTypeError('invalid_argument');              // node's words
                }
                let frames = String(new GuestError().stack).split('\\n').slice(1)
                    .filter((frame) => !frame.includes('(<sandlot-'));
                const name = typeof constructorOpt === 'function' ? constructorOpt.name : '';
                if (name) {
                  const named = (frame) => {
                    const match = FRAME_NAME.exec(frame);
                    return match !== null && (match[1] === name || match[1].endsWith('.' + name));
                  };
                  frames = frames.slice(frames.findIndex(named) + 1 || frames.length);
                }
                const limit = GuestError.stackTraceLimit;
                if (typeof limit === 'number') {
                  frames = frames.slice(0, Math.max(0, limit));
                }
                define(target, 'stack', [apply(errorToString, target, [])].concat(frames).join('\\n'));
              }
              define(GuestError, 'captureStackTrace', captureStackTrace);
              define(GuestError, 'stackTraceLimit', 10, true);

              // V8 gives the AggregateError with which Promise.any rejects the message 'All promises were
              // rejected'; GraalJS, as the spec, none. Promise.any is called with a constructor whose capability is a
              // real promise and whose reject gives that error the message (and the stack V8 gives it, without
              // frames) as it is rejected: the same promise, the same jobs, no extra tick, and a rejection nobody
              // handles stays unhandled. A subclass's Promise.any is GraalJS's own.
              const GuestPromise = Promise, GuestAggregateError = AggregateError, nativeAny = Promise.any;
              const nativeResolve = Promise.resolve, hasOwn = Object.prototype.hasOwnProperty;
              const ANY_MESSAGE = 'All promises were rejected';
              function Capability(executor) {
                return new GuestPromise((resolve, reject) => executor(resolve, (reason) => {
                  if (reason instanceof GuestAggregateError && !apply(hasOwn, reason, ['message'])) {
                    define(reason, 'message', ANY_MESSAGE);
                    define(reason, 'stack', apply(errorToString, reason, []));
                  }
                  reject(reason);
                }));
              }
              define(Capability, 'resolve', (value) => apply(nativeResolve, GuestPromise, [value]));
              define(GuestPromise, 'any', { any(iterable) {
                return apply(nativeAny, this === GuestPromise ? Capability : this, [iterable]);
              } }.any);

              // The zone is always UTC (ContextFactory); node names it as ICU's long name does.
              for (const method of ['toString', 'toTimeString']) {
                const format = Date.prototype[method];
                define(Date.prototype, method, {
                  [method]() {
                    const text = apply(format, this, []);
                    return text.endsWith(' (GMT)') ? text.slice(0, -6) + ' (Coordinated Universal Time)' : text;
                  }
                }[method]);
              }

              // node (V8) formats dates with a plain space where ICU 72 and later put U+202F, NARROW NO-BREAK SPACE
              // (before AM/PM in English): in format and the toLocale*String methods, not in formatToParts or
              // formatRange; numbers keep it too.
              const plainSpaces = (text) => (typeof text === 'string' ? text.replaceAll('\\u202f', ' ') : text);
              // Values made once per locale, for calls whose locales are one string or undefined (reusable): at
              // most 64 locales are kept.
              const reusable = (locales, options) => options === undefined
                  && (locales === undefined || typeof locales === 'string');
              const cached = (make) => {
                const made = new Map();
                return (locale) => {
                  let value = made.get(locale);
                  if (value === undefined) {
                    value = make(locale);
                    if (made.size < 64) {
                      made.set(locale, value);
                    }
                  }
                  return value;
                };
              };
              // V8 keeps ECMA-402's rule before 2024 for hour12: false, the hour cycle h23 where the locale's own is
              // h11 or h23, else h24: node prints en-US's midnight as 24:05:00. GraalJS follows the newer rule (always
              // h23); options that set hour12 to false in a locale of h12 get hourCycle h24 instead, as in V8.
              const NativeDateTimeFormat = Intl.DateTimeFormat;
              const localeHourCycle = (locales) => new NativeDateTimeFormat(locales, { hour: 'numeric' })
                  .resolvedOptions().hourCycle;
              const hourCycles = cached(localeHourCycle);
              const withV8Hour12 = (locales, options) => {
                if (options === null || typeof options !== 'object' || options.hour12 === undefined || options.hour12) {
                  return options;
                }
                const hourCycle = reusable(locales) ? hourCycles(locales) : localeHourCycle(locales);
                return hourCycle === 'h12' || hourCycle === 'h24'
                    ? Object.create(options, { hour12: { value: undefined }, hourCycle: { value: 'h24' } })
                    : options;
              };
              // strict, so that it has no own arguments and caller, as the native constructor
              const DateTimeFormatWithV8Hour12 = { DateTimeFormat: function (locales, options) {
                'use strict';
                const adjusted = withV8Hour12(locales, options);
                return new.target === undefined
                    ? NativeDateTimeFormat(locales, adjusted)
                    : Reflect.construct(NativeDateTimeFormat, [locales, adjusted], new.target);
              } }.DateTimeFormat;
              Object.defineProperty(DateTimeFormatWithV8Hour12, 'prototype',
                  { value: NativeDateTimeFormat.prototype, writable: false });
              Object.defineProperty(DateTimeFormatWithV8Hour12, 'length', { value: 0 });
              define(DateTimeFormatWithV8Hour12, 'supportedLocalesOf', NativeDateTimeFormat.supportedLocalesOf);
              define(NativeDateTimeFormat.prototype, 'constructor', DateTimeFormatWithV8Hour12);
              define(Intl, 'DateTimeFormat', DateTimeFormatWithV8Hour12);
              for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
                const format = Date.prototype[method];
                define(Date.prototype, method, {
                  [method](...args) {
                    return plainSpaces(apply(format, this, args.length < 2 ? args
                        : [args[0], withV8Hour12(args[0], args[1]), ...args.slice(2)]));
                  }
                }[method]);
              }
              const DateTimeFormat = Intl.DateTimeFormat.prototype;
              const boundFormat = Object.getOwnPropertyDescriptor(DateTimeFormat, 'format').get;
              const formats = new WeakMap();
              Object.defineProperty(DateTimeFormat, 'format', {
                get: {
                  format() {
                    let format = formats.get(this);
                    if (format === undefined) {
                      const icu = apply(boundFormat, this, []);
                      format = (date) => plainSpaces(icu(date));
                      formats.set(this, format);
                    }
                    return format;
                  }
                }.format,
                enumerable: false,
                configurable: true,
              });

              // GraalJS builds a new ICU collator or number format on every localeCompare and toLocaleString call:
              // sorting 200,000 names with localeCompare took 28 s (node: 0.3 s). ECMA-402 defines both calls as
              // constructing an Intl.Collator or Intl.NumberFormat from the same locales and options, so the result
              // of one made once per locale is the same; calls with options, or with a locale list, make their own.
              const collators = cached((locale) => new Intl.Collator(locale).compare);
              const localeCompare = String.prototype.localeCompare;
              // strict, so that a primitive receiver is not boxed; the common call, two strings, first
              let compare;
              define(String.prototype, 'localeCompare', {
                localeCompare(that) {
                  'use strict';
                  if (typeof this === 'string' && typeof that === 'string' && arguments.length === 1) {
                    return (compare ??= new Intl.Collator().compare)(this, that);
                  }
                  return this !== null && this !== undefined && typeof this !== 'symbol' && typeof that !== 'symbol'
                      && reusable(arguments[1], arguments[2])
                      ? collators(arguments[1])(`${this}`, `${that}`)
                      : apply(localeCompare, this, arguments);
                }
              }.localeCompare);
              const numberFormats = cached((locale) => new Intl.NumberFormat(locale).format);
              const numberToLocaleString = Number.prototype.toLocaleString;
              define(Number.prototype, 'toLocaleString', {
                toLocaleString() {
                  'use strict';
                  return typeof this === 'number' && reusable(arguments[0], arguments[1])
                      ? numberFormats(arguments[0])(this)
                      : apply(numberToLocaleString, this, arguments);
                }
              }.toLocaleString);
              // node's name for the global object
              define(globalThis, 'global', globalThis);

              // performance.now(): milliseconds since the first reading, from the host's monotonic clock.
              let origin;
              const performance = {
                now() {
                  if (origin === undefined) {
                    origin = { nanos: monotonicNanos(), epoch: Date.now() };
                  }
                  return (monotonicNanos() - origin.nanos) / 1e6;
                },
                get timeOrigin() {
                  if (origin === undefined) {
                    performance.now();
                  }
                  return origin.epoch;
                },
                toJSON() {
                  return { timeOrigin: performance.timeOrigin };
                },
              };
              // User Timing (mark, measure and the entries they keep), which programs time their steps with. An
              // entry's fields are getters, printed as node prints them: the class's name and its toJSON().
              const fields = new WeakMap();
              const field = (entry, name) => {
                const own = fields.get(entry);
                if (own === undefined) {
                  throw new GuestTypeError('Illegal invocation');
                }
                return own[name];
              };
              class PerformanceEntry {
                get name() { return field(this, 'name'); }
                get entryType() { return field(this, 'entryType'); }
                get startTime() { return field(this, 'startTime'); }
                get duration() { return field(this, 'duration'); }
                get detail() { return field(this, 'detail'); }
                toJSON() {
                  const { name, entryType, startTime, duration, detail } = this;
                  return { name, entryType, startTime, duration, detail };
                }
                [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
                  if (depth < 0) {
                    return this;
                  }
                  const nested = { ...options, depth: options.depth == null ? null : options.depth - 1 };
                  return `${this.constructor.name} ${inspect(this.toJSON(), nested)}`;
                }
              }
              class PerformanceMark extends PerformanceEntry {
                get [Symbol.toStringTag]() { return 'PerformanceMark'; }
              }
              class PerformanceMeasure extends PerformanceEntry {
                get [Symbol.toStringTag]() { return 'PerformanceMeasure'; }
              }
              let entries = [];
              const newEntry = (Type, own) => {
                const entry = Object.create(Type.prototype);
                fields.set(entry, own);
                entries.push(entry);
                return entry;
              };
              const requireName = (args) => {
                if (args.length === 0) {
                  const error = new GuestTypeError('The "name" argument must be specified');
                  error.code = 'ERR_MISSING_ARGS';
                  throw error;
                }
                return String(args[0]);
              };
              // a mark's name is its latest start time; a number is a time itself
              const timeOf = (mark) => {
                if (typeof mark === 'number') {
                  return mark;
                }
                const found = entries.findLast((e) => field(e, 'entryType') === 'mark' && field(e, 'name') === mark);
                if (found === undefined) {
                  const error = domError('SyntaxError', `The "${mark}" performance mark has not been set`);
                  error.code = 12;
                  throw error;
                }
                return field(found, 'startTime');
              };
              const byStartTime = (list) => list.sort((a, b) => field(a, 'startTime') - field(b, 'startTime'));
              const clear = (entryType, name) => {
                entries = entries.filter((e) => field(e, 'entryType') !== entryType
                    || (name !== undefined && field(e, 'name') !== String(name)));
              };
              Object.assign(performance, {
                mark(name, options = {}) {
                  name = requireName(arguments);
                  const startTime = options?.startTime ?? performance.now();
                  return newEntry(PerformanceMark,
                      { name, entryType: 'mark', startTime, duration: 0, detail: options?.detail ?? null });
                },
                measure(name, startOrOptions, endMark) {
                  name = requireName(arguments);
                  let start = startOrOptions, end = endMark, detail = null;
                  if (startOrOptions !== null && typeof startOrOptions === 'object') {
                    ({ start, end, detail = null } = startOrOptions);
                    if (end === undefined && startOrOptions.duration !== undefined) {
                      end = timeOf(start ?? 0) + startOrOptions.duration;
                    }
                  }
                  const startTime = start === undefined ? 0 : timeOf(start);
                  const endTime = end === undefined ? performance.now() : timeOf(end);
                  return newEntry(PerformanceMeasure,
                      { name, entryType: 'measure', startTime, duration: endTime - startTime, detail });
                },
                getEntries() {
                  return byStartTime([...entries]);
                },
                getEntriesByName(name, type) {
                  return byStartTime(entries.filter((e) => field(e, 'name') === String(name)
                      && (type === undefined || field(e, 'entryType') === type)));
                },
                getEntriesByType(type) {
                  return byStartTime(entries.filter((e) => field(e, 'entryType') === type));
                },
                clearMarks(name) {
                  clear('mark', name);
                },
                clearMeasures(name) {
                  clear('measure', name);
                },
              });
              define(globalThis, 'performance', performance);
              define(globalThis, 'PerformanceEntry', PerformanceEntry);
              define(globalThis, 'PerformanceMark', PerformanceMark);
              define(globalThis, 'PerformanceMeasure', PerformanceMeasure);

              // Web Crypto's random functions (no crypto.subtle), from the host's SecureRandom.
              const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
                                      Uint32Array, BigInt64Array, BigUint64Array];
              function getRandomValues(array) {
                if (arguments.length === 0) {
                  throw new GuestTypeError('The "typedArray" argument must be specified');
                }
                if (!INTEGER_ARRAYS.some((Type) => array instanceof Type)) {
                  throw domError('TypeMismatchError', 'The data argument must be an integer-type TypedArray');
                }
                if (array.byteLength > 65536) {
                  throw domError('QuotaExceededError', 'The requested length exceeds 65,536 bytes');
                }
                const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
                for (let i = 0; i < bytes.length; i += 4) {
                  const word = randomInt();
                  for (let k = 0; k < 4 && i + k < bytes.length; k++) {
                    bytes[i + k] = word >>> (8 * k);
                  }
                }
                return array;
              }
              function randomUUID() {
                const bytes = getRandomValues(new Uint8Array(16));
                bytes[6] = (bytes[6] & 0x0f) | 0x40;
                bytes[8] = (bytes[8] & 0x3f) | 0x80;
                const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
                return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)]
                    .join('-');
              }
              define(globalThis, 'crypto', { getRandomValues, randomUUID });
              return Object.freeze({ getRandomValues, randomUUID });
            })
            """, "<sandlot-web-globals>").buildLiteral();

    /** 32 random bits for {@code crypto.getRandomValues}; SecureRandom is safe for concurrent use. */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ProxyExecutable RANDOM_INT = arguments -> RANDOM.nextInt();
    /** The origin of the host's monotonic clock: nanoseconds counted from it stay exact as JS numbers for 104 days. */
    private static final long ORIGIN_NANOS = System.nanoTime();
    /** The host's monotonic clock, in nanoseconds, for {@code performance.now()} and {@code process.hrtime}. */
    static final ProxyExecutable MONOTONIC_NANOS = arguments -> System.nanoTime() - ORIGIN_NANOS;

    private JsWebGlobals() {
    }

    /**
     * Defines the functions in a new context; returns {@code crypto}'s {@code getRandomValues} and {@code randomUUID},
     * which node's {@code crypto} module shares whatever the guest does to the global.
     */
    static Value install(Context context) {
        return context.eval(INSTALLER).execute(RANDOM_INT, MONOTONIC_NANOS);
    }

    /** Whether {@code source} is the installer, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER);
    }
}
