// Node's crypto for JavaScript guests, the part scripts use: hashes, HMAC and PBKDF2 over the host's states of
// GuestDigests (see there), random values from the web globals' crypto (JsWebGlobals), with node's errors.
// Evaluated once per context, on the first require('crypto'); the value is a function of the host calls, of a
// function that gives the context's Buffer, of the web crypto's functions and of node's argument errors that
// returns the module.
(function (host, bufferClass, web, errors, maxPiece, maxShakeLength) {
  'use strict';
  const GuestError = Error, GuestTypeError = TypeError, later = (fn) => setTimeout(fn, 0);
  const { coded, invalidArgType, outOfRange, requireFunction } = errors;

  let buffer = null;   // the class of node:buffer, made when first needed
  const Buffer = () => buffer ?? (buffer = bufferClass());

  const invalidArgValue = (name, value, reason) => coded(new GuestTypeError(
      `The argument '${name}' ${reason}. Received ${typeof value === 'string' ? `'${value}'` : String(value)}`),
      'ERR_INVALID_ARG_VALUE');
  const hashFinalized = () => coded(new GuestError('Digest already called'), 'ERR_CRYPTO_HASH_FINALIZED');
  const invalidDigest = (name) => coded(new GuestTypeError(`Invalid digest: ${name}`), 'ERR_CRYPTO_INVALID_DIGEST');

  // node's names of encodings, any case
  const ENCODINGS = new Map([['utf8', 'utf8'], ['utf-8', 'utf8'], ['ucs2', 'utf16le'], ['ucs-2', 'utf16le'],
    ['utf16le', 'utf16le'], ['utf-16le', 'utf16le'], ['latin1', 'latin1'], ['binary', 'latin1'],
    ['base64', 'base64'], ['base64url', 'base64url'], ['hex', 'hex'], ['ascii', 'ascii']]);
  const encodingOf = (encoding) => (typeof encoding === 'string' ? ENCODINGS.get(encoding.toLowerCase()) : undefined);

  // what node takes as bytes where: data to hash, a password or salt, an HMAC key
  const DATA = { arrayBuffer: false, expected: 'of type string or an instance of Buffer, TypedArray, or DataView' };
  const SECRET = { arrayBuffer: true,
    expected: 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView' };
  const KEY = { arrayBuffer: true, expected: 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, '
      + 'DataView, KeyObject, or CryptoKey' };
  const viewOf = (data) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

  /**
   * The bytes of data as a Uint8Array: a string in its encoding (UTF-8 for a missing or unknown one, as node's
   * StringBytes), a view's own bytes, or, where node takes one, an ArrayBuffer's.
   */
  const bytesOf = (data, name, encoding, { arrayBuffer, expected } = DATA) => {
    if (typeof data === 'string') {
      const normal = encodingOf(encoding) ?? 'utf8';
      if (normal === 'hex' && data.length % 2 !== 0) {
        throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
      }
      return normal === 'utf8' ? new TextEncoder().encode(data) : Buffer().from(data, normal);
    }
    if (ArrayBuffer.isView(data)) {
      return viewOf(data);
    }
    if (arrayBuffer && data instanceof ArrayBuffer) {
      return new Uint8Array(data);
    }
    throw invalidArgType(name, expected, data);
  };

  /** Hands bytes to a host state in pieces, each a bounded amount of host work. */
  const feed = (state, bytes) => {
    for (let at = 0; at < bytes.length; at += maxPiece) {
      state('update', bytes.buffer, bytes.byteOffset + at, Math.min(maxPiece, bytes.length - at));
    }
  };

  /** The bytes of a key as the host takes them: longer than a piece, HMAC would hash it first, so it is hashed here. */
  const keyOf = (algorithm, bytes) => {
    if (bytes.length <= maxPiece) {
      return bytes;
    }
    const made = host.hash(algorithm);
    if (made === null) {
      return bytes;   // the host refuses the algorithm
    }
    const [state] = made;
    feed(state, bytes);
    return Buffer().from(state('digest', 0), 'latin1');
  };

  /** A digest (a Latin-1 string from the host) as node answers it: a string in a known encoding, else a Buffer. */
  const output = (latin1, encoding) => {
    const normal = encodingOf(encoding);
    if (normal === 'latin1') {
      return latin1;
    }
    const bytes = Buffer().from(latin1, 'latin1');
    return normal === undefined ? bytes : bytes.toString(normal);
  };

  const validateAlgorithm = (algorithm, name) => {
    if (typeof algorithm !== 'string') {
      throw invalidArgType(name, 'of type string', algorithm);
    }
  };

  /**
   * The output length of a hash: options.outputLength for SHAKE (else its default), which must be the digest's size
   * for the others.
   */
  const outputLengthOf = (options, outputLength, extendable) => {
    const wanted = options !== null && typeof options === 'object' ? options.outputLength : undefined;
    if (wanted === undefined) {
      return outputLength;
    }
    if (typeof wanted !== 'number') {
      throw invalidArgType('options.outputLength', 'of type number', wanted);
    }
    if (!Number.isInteger(wanted)) {
      throw outOfRange('options.outputLength', 'an integer', wanted);
    }
    if (wanted < 0 || wanted > 4294967295) {
      throw outOfRange('options.outputLength', '>= 0 && <= 4294967295', wanted);
    }
    if (extendable && wanted > maxShakeLength) {   // the host makes the output in one piece
      throw outOfRange('options.outputLength', `<= ${maxShakeLength} in the sandbox`, wanted);
    }
    if (!extendable && wanted !== outputLength) {
      throw coded(new GuestError('error:030000B2:digital envelope routines::not XOF or invalid length'),
          'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH');
    }
    return wanted;
  };

  const COPY = Symbol('copy');

  class Hash {
    #state;
    #defaultLength;
    #extendable;
    #outputLength;
    #finalized = false;

    constructor(algorithm, options) {
      let made;
      if (algorithm === COPY) {
        made = options.made;
        options = options.options;
      } else {
        validateAlgorithm(algorithm, 'algorithm');
        made = host.hash(algorithm);
        if (made === null) {
          throw new GuestError('Digest method not supported');
        }
      }
      [this.#state, this.#defaultLength, this.#extendable] = made;
      this.#outputLength = outputLengthOf(options, this.#defaultLength, this.#extendable);
    }

    update(data, encoding) {
      if (this.#finalized) {
        throw hashFinalized();
      }
      feed(this.#state, bytesOf(data, 'data', encoding));
      return this;
    }

    digest(encoding) {
      if (this.#finalized) {
        throw hashFinalized();
      }
      this.#finalized = true;
      return output(this.#state('digest', this.#outputLength), encoding);
    }

    copy(options) {
      if (this.#finalized) {
        throw hashFinalized();
      }
      // as node's: the copy's output length is its options', else the algorithm's default
      return new Hash(COPY, { made: [this.#state('copy'), this.#defaultLength, this.#extendable], options });
    }
  }

  class Hmac {
    #state;
    #finalized = false;

    constructor(algorithm, key) {
      validateAlgorithm(algorithm, 'hmac');
      const bytes = bytesOf(key, 'key', 'utf8', KEY);
      const state = host.hmac(algorithm, ...piece(keyOf(algorithm, bytes)));
      if (state === null) {
        throw invalidDigest(algorithm);
      }
      this.#state = state;
    }

    update(data, encoding) {
      if (this.#finalized) {
        throw hashFinalized();
      }
      feed(this.#state, bytesOf(data, 'data', encoding));
      return this;
    }

    /** As node's: a second digest is empty. */
    digest(encoding) {
      if (this.#finalized) {
        return output('', encoding);
      }
      this.#finalized = true;
      return output(this.#state('digest'), encoding);
    }
  }

  /** The arguments that pass a key's bytes (at most a piece) to the host: buffer, offset, length. */
  const piece = (bytes) => [bytes.buffer, bytes.byteOffset, bytes.length];

  const createHash = (algorithm, options) => new Hash(algorithm, options);
  const createHmac = (algorithm, key) => new Hmac(algorithm, key);

  function hash(algorithm, input, outputEncoding = 'hex') {
    validateAlgorithm(algorithm, 'algorithm');
    if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
      throw invalidArgType('input', DATA.expected, input);
    }
    if (typeof outputEncoding !== 'string') {
      throw invalidArgType('outputEncoding', 'of type string', outputEncoding);
    }
    if (outputEncoding !== 'buffer' && encodingOf(outputEncoding) === undefined) {
      throw invalidArgValue('outputEncoding', outputEncoding, 'is invalid');
    }
    const made = host.hash(algorithm);
    if (made === null) {
      throw new GuestError(`Digest method ${algorithm} is not supported`);
    }
    const [state, outputLength] = made;
    feed(state, bytesOf(input, 'input'));
    return output(state('digest', outputLength), outputEncoding);
  }

  const MAX_INT32 = 2147483647;
  const PBKDF2_ROUNDS = 4096;   // per host call: a few milliseconds of work

  const pbkdf2Arguments = (password, salt, iterations, keylen, digest) => {
    const passwordBytes = bytesOf(password, 'password', 'utf8', SECRET);
    const saltBytes = bytesOf(salt, 'salt', 'utf8', SECRET);
    for (const [name, value] of [['iterations', iterations], ['keylen', keylen]]) {
      if (typeof value !== 'number') {
        throw invalidArgType(name, 'of type number', value);
      }
      if (!Number.isInteger(value)) {
        throw outOfRange(name, 'an integer', value);
      }
    }
    if (iterations < 1 || iterations > MAX_INT32) {
      throw outOfRange('iterations', `>= 1 && <= ${MAX_INT32}`, iterations);
    }
    if (keylen < 0 || keylen > MAX_INT32) {
      throw outOfRange('keylen', `>= 0 && <= ${MAX_INT32}`, keylen);
    }
    validateAlgorithm(digest, 'digest');
    if (host.hash(digest) === null) {
      throw invalidDigest(digest);
    }
    if (saltBytes.length > maxPiece) {   // the host holds the salt, and hashes it once a block
      throw outOfRange('salt.byteLength', `<= ${maxPiece} in the sandbox`, saltBytes.length);
    }
    return [passwordBytes, saltBytes];
  };

  /** PBKDF2, a block at a time from the host, a bounded number of rounds a call, so it stops with the guest. */
  const derive = (passwordBytes, saltBytes, iterations, keylen, digest) => {
    const run = host.pbkdf2(digest, ...piece(keyOf(digest, passwordBytes)), ...piece(saltBytes), iterations);
    if (run === null) {
      throw new GuestError('Deriving bits failed');   // node's words for a hash HMAC does not take
    }
    let key = '';
    while (key.length < keylen) {
      const block = run(PBKDF2_ROUNDS);
      if (block !== null) {
        key += block;
      }
    }
    return Buffer().from(key.slice(0, keylen), 'latin1');
  };

  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    const [passwordBytes, saltBytes] = pbkdf2Arguments(password, salt, iterations, keylen, digest);
    return derive(passwordBytes, saltBytes, iterations, keylen, digest);
  }

  /** The work is done at once and answered on a later turn, as fs's callbacks are. */
  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    requireFunction('callback', callback);
    const [passwordBytes, saltBytes] = pbkdf2Arguments(password, salt, iterations, keylen, digest);
    let error = null, key;
    try {
      key = derive(passwordBytes, saltBytes, iterations, keylen, digest);
    } catch (e) {
      error = e;
    }
    later(() => (error === null ? callback(null, key) : callback(error)));
  }

  const RANDOM_PIECE = 65536;   // what getRandomValues fills at once
  const randomFill = (bytes) => {
    for (let at = 0; at < bytes.length; at += RANDOM_PIECE) {
      web.getRandomValues(bytes.subarray(at, at + RANDOM_PIECE));
    }
    return bytes;
  };

  function randomBytes(size, callback) {
    if (typeof size !== 'number') {
      throw invalidArgType('size', 'of type number', size);
    }
    if (!(size >= 0 && size <= MAX_INT32)) {
      throw outOfRange('size', `>= 0 && <= ${MAX_INT32}`, size);
    }
    if (callback !== undefined) {
      requireFunction('callback', callback);
    }
    const bytes = randomFill(Buffer().alloc(Math.floor(size)));
    if (callback === undefined) {
      return bytes;
    }
    later(() => callback(null, bytes));
  }

  const RAND_MAX = 0xffffffffffff;   // randomInt's ranges: what 6 random bytes cover
  function randomInt(min, max, callback) {
    const minNotSpecified = max === undefined || typeof max === 'function';
    if (minNotSpecified) {
      callback = max;
      max = min;
      min = 0;
    }
    if (callback !== undefined) {
      requireFunction('callback', callback);
    }
    if (!Number.isSafeInteger(min)) {
      throw invalidArgType('min', 'a safe integer', min);
    }
    if (!Number.isSafeInteger(max)) {
      throw invalidArgType('max', 'a safe integer', max);
    }
    if (max <= min) {
      throw outOfRange('max', `greater than the value of "min" (${min})`, max);
    }
    const range = max - min;
    if (!(range <= RAND_MAX)) {
      throw outOfRange(minNotSpecified ? 'max' : 'max - min', `<= ${RAND_MAX}`, range);
    }
    // rejection sampling, as node's: the largest multiple of range below RAND_MAX keeps the draw uniform
    const limit = RAND_MAX - (RAND_MAX % range);
    const six = new Uint8Array(6);
    let value;
    do {
      randomFill(six);
      value = six.reduce((n, byte) => n * 256 + byte, 0);
    } while (value >= limit);
    const result = min + (value % range);
    if (callback === undefined) {
      return result;
    }
    later(() => callback(undefined, result));   // node's randomInt passes no error as undefined
  }

  function randomUUID(options) {
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw invalidArgType('options', 'of type object', options);
      }
      if (options.disableEntropyCache !== undefined && typeof options.disableEntropyCache !== 'boolean') {
        throw invalidArgType('options.disableEntropyCache', 'of type boolean', options.disableEntropyCache);
      }
    }
    return web.randomUUID();
  }

  function timingSafeEqual(buf1, buf2) {
    const views = [buf1, buf2].map((value, i) => {
      if (ArrayBuffer.isView(value)) {
        return viewOf(value);
      }
      if (value instanceof ArrayBuffer) {
        return new Uint8Array(value);
      }
      throw coded(new GuestTypeError(`The "buf${i + 1}" argument must be an instance of ArrayBuffer, Buffer, `
          + 'TypedArray, or DataView.'), 'ERR_INVALID_ARG_TYPE');
    });
    const [a, b] = views;
    if (a.length !== b.length) {
      throw coded(new RangeError('Input buffers must have the same byte length'),
          'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH');
    }
    let difference = 0;   // every byte is compared, whatever the first difference
    for (let i = 0; i < a.length; i++) {
      difference |= a[i] ^ b[i];
    }
    return difference === 0;
  }

  const hashes = Object.freeze(host.names.split(','));
  const getHashes = () => [...hashes];

  return { createHash, createHmac, hash, getHashes, Hash, Hmac, pbkdf2, pbkdf2Sync, randomBytes, randomInt,
    randomUUID, getRandomValues: web.getRandomValues, timingSafeEqual };
})
