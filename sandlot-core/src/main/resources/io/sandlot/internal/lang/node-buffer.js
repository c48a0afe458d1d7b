// Node's buffer for JavaScript guests: the npm package buffer (node's Buffer for browsers, a Uint8Array subclass in
// plain JS; bundled by src/build/fetch-js), with what node has and it lacks: the base64url encoding, node's
// inspection (<Buffer 68 69>, "... N more bytes"), node's errors (codes and wording) for the common misuses, and
// the module's constants (this engine's MAX_LENGTH), atob, btoa, isAscii and isUtf8. Evaluated once per context, on the first use of Buffer or
// require('buffer'); the value is a function of the package's exports that returns node's module.
(function (exports, errors) {
  'use strict';
  const { Buffer, kMaxLength } = exports;
  const { atob, btoa } = globalThis;   // node's buffer.atob is the global atob
  const GuestTypeError = TypeError, GuestRangeError = RangeError, apply = Reflect.apply;

  const { coded, invalidArgType, outOfRange } = errors;
  const unknownEncoding = (encoding) => coded(new GuestTypeError(`Unknown encoding: ${encoding}`),
      'ERR_UNKNOWN_ENCODING');

  /** Replaces a method with a function of the original, under the original's name, as enumerable as it was. */
  const wrap = (object, name, wrapper) => {
    const original = object[name];
    const fn = { [name](...args) { return wrapper.call(this, original, args); } }[name];
    Object.defineProperty(object, name, { value: fn, writable: true, configurable: true,
      enumerable: Object.getOwnPropertyDescriptor(object, name).enumerable });
  };

  // base64url: decoding is base64's (the package's decoder reads - and _ too); encoding is base64 with node's URL
  // alphabet and no padding.
  const isBase64url = (encoding) => typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
  const asBase64 = (args, from) => args.map((arg, i) => (i >= from && isBase64url(arg) ? 'base64' : arg));
  wrap(Buffer, 'isEncoding', function (isEncoding, [encoding]) {
    return isBase64url(encoding) || isEncoding(encoding);
  });
  wrap(Buffer, 'byteLength', (byteLength, args) => apply(byteLength, Buffer, asBase64(args, 1)));
  wrap(Buffer.prototype, 'write', function (write, args) {
    return apply(write, this, asBase64(args, 1));
  });
  wrap(Buffer.prototype, 'toString', function (toString, args) {
    const [encoding] = args;
    if (encoding !== undefined && !Buffer.isEncoding(encoding)) throw unknownEncoding(encoding);
    if (!isBase64url(encoding)) return apply(toString, this, args);
    return apply(toString, this, ['base64', args[1], args[2]]).replace(/\+/g, '-').replace(/\//g, '_')
        .replace(/=+$/, '');
  });
  Buffer.prototype.toLocaleString = Buffer.prototype.toString;

  wrap(Buffer, 'from', (from, args) => {
    const [value, encoding] = args;
    if (typeof value === 'string') {
      if (typeof encoding === 'string' && encoding !== '' && !Buffer.isEncoding(encoding)) {
        throw unknownEncoding(encoding);
      }
      return apply(from, Buffer, asBase64(args, 1));
    }
    if (typeof value !== 'object' || value === null) {
      throw invalidArgType('first argument', 'of type string or an instance of Buffer, ArrayBuffer, or Array or an '
          + 'Array-like Object', value);
    }
    return apply(from, Buffer, args);
  });

  const size = (value) => {
    if (typeof value !== 'number') throw invalidArgType('size', 'of type number', value);
    if (!(value >= 0 && value <= kMaxLength)) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, value);
  };
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow']) {
    wrap(Buffer, name, (alloc, args) => {
      size(args[0]);
      return apply(alloc, Buffer, asBase64(args, 2));
    });
  }
  wrap(Buffer, 'concat', (concat, args) => {
    if (!Array.isArray(args[0])) throw invalidArgType('list', 'an instance of Array', args[0]);
    args[0].forEach((item, i) => {
      if (!(item instanceof Uint8Array)) {
        throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', item);
      }
    });
    return apply(concat, Buffer, args);
  });
  const bytes = (name, value) => {
    if (!(value instanceof Uint8Array)) throw invalidArgType(name, 'an instance of Buffer or Uint8Array', value);
  };
  wrap(Buffer, 'compare', (compare, args) => {
    bytes('buf1', args[0]);
    bytes('buf2', args[1]);
    return apply(compare, Buffer, args);
  });
  wrap(Buffer.prototype, 'equals', function (equals, [other]) {
    bytes('otherBuffer', other);
    return this === other || Buffer.compare(this, other) === 0;
  });
  for (const name of ['fill', 'indexOf', 'lastIndexOf', 'includes']) {
    wrap(Buffer.prototype, name, function (method, args) {
      const encoding = args.findLast((arg, i) => i > 0 && typeof arg === 'string');
      if (typeof args[0] === 'string' && encoding !== undefined && !Buffer.isEncoding(encoding)) {
        throw unknownEncoding(encoding);
      }
      return apply(method, this, asBase64(args, 1));
    });
  }

  // The fixed-size readers and writers (readUInt32LE, writeInt16BE, readDoubleBE, readBigUInt64LE...) check their
  // offset as node's do: an integer with the value's bytes inside the buffer.
  const WIDTHS = { Int8: 1, UInt8: 1, Uint8: 1, Int16: 2, UInt16: 2, Uint16: 2, Int32: 4, UInt32: 4, Uint32: 4,
    Float: 4, Double: 8, BigInt64: 8, BigUInt64: 8, BigUint64: 8 };
  for (const name of Object.getOwnPropertyNames(Buffer.prototype)) {
    const match = /^(read|write)([A-Za-z]+?\d*)(LE|BE)?$/.exec(name);
    const width = match && WIDTHS[match[2]];
    if (!width || typeof Buffer.prototype[name] !== 'function') continue;
    const at = match[1] === 'read' ? 0 : 1;
    wrap(Buffer.prototype, name, function (method, args) {
      const offset = args[at] === undefined ? 0 : args[at];
      if (typeof offset !== 'number') throw invalidArgType('offset', 'of type number', offset);
      const last = this.length - width;
      if (!Number.isInteger(offset)) throw outOfRange('offset', 'an integer', offset);
      if (offset < 0 || offset > last) {
        throw last < 0 ? coded(new GuestRangeError('Attempt to access memory outside buffer bounds'),
            'ERR_BUFFER_OUT_OF_BOUNDS') : outOfRange('offset', `>= 0 and <= ${last}`, offset);
      }
      return apply(method, this, args);
    });
  }

  // node's inspection: at most INSPECT_MAX_BYTES bytes, then how many more; the class's own name
  const custom = Symbol.for('nodejs.util.inspect.custom');
  const inspect = { inspect() {
    const max = module.INSPECT_MAX_BYTES, remaining = this.length - max;
    let text = this.toString('hex', 0, max).replace(/(.{2})/g, '$1 ').trim();
    if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return `<${this.constructor.name} ${text}>`;
  } }.inspect;
  Object.defineProperty(Buffer.prototype, custom, { value: inspect, writable: true, configurable: true });
  Object.defineProperty(Buffer.prototype, 'inspect', { value: inspect, writable: true, configurable: true });

  const isAscii = (input) => new Uint8Array(input.buffer ?? input, input.byteOffset ?? 0, input.byteLength)
      .every((byte) => byte < 0x80);
  const isUtf8 = (input) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(input);
      return true;
    } catch {
      return false;
    }
  };
  const constants = Object.freeze({ MAX_LENGTH: kMaxLength });
  const module = { Buffer, SlowBuffer: exports.SlowBuffer, isUtf8, isAscii, kMaxLength, btoa, atob, constants,
    INSPECT_MAX_BYTES: exports.INSPECT_MAX_BYTES };
  return module;
})
