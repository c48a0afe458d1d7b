package io.sandlot.internal.lang;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;

/**
 * {@code atob}, {@code btoa} and {@code structuredClone}: functions of the web platform that node has as globals and
 * programs use (base64 of a string, a deep copy), and GraalJS does not. Pure functions of their arguments, written
 * in the guest's language and run under its limits.
 */
final class JsWebGlobals {

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function () {
              const GuestError = Error, GuestTypeError = TypeError;
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
                Object.defineProperty(globalThis, fn.name,
                    { value: fn, writable: true, configurable: true, enumerable: false });
              }
            })
            """, "<sandlot-web-globals>").buildLiteral();

    private JsWebGlobals() {
    }

    /** Defines the functions in a new context. */
    static void install(Context context) {
        context.eval(INSTALLER).executeVoid();
    }

    /** Whether {@code source} is the installer, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER);
    }
}
