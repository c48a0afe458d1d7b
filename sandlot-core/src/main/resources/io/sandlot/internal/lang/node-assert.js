// Node's `assert` for JavaScript guests: a function of our `util`, its deep equality and node's argument errors
// (node-errors.js) that returns the module.
// Our own code, written to node 20's documented behaviour and messages (AssertionError [ERR_ASSERTION] with
// actual, expected, operator and generatedMessage; `+ actual - expected` line diffs of util.inspect's output).
(function (util, deepEqual, errors) {
  'use strict';
  const GuestError = Error, GuestTypeError = TypeError;
  const inspectValue = (value) => util.inspect(value, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false,
    showProxy: false, sorted: true, getters: true,
  });
  const isObject = (value) => value !== null && (typeof value === 'object' || typeof value === 'function');

  const headers = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values identical but not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  };

  // The lines of `actual` and `expected` as a diff: common lines indented by two, then per change the actual's
  // lines marked `+` and the expected's marked `-` (a longest common subsequence of lines). Lines that differ
  // only by a trailing comma (the last item of one, not of the other) are common, shown with the comma.
  const same = (a, b) => a === b || `${a},` === b || a === `${b},`;
  function lineDiff(actualLines, expectedLines) {
    const n = actualLines.length, m = expectedLines.length;
    const common = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        common[i][j] = same(actualLines[i], expectedLines[j]) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    const out = [];
    let added = [], removed = [];
    const flush = () => {
      out.push(...added.map((line) => `+ ${line}`), ...removed.map((line) => `- ${line}`));
      added = [];
      removed = [];
    };
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && same(actualLines[i], expectedLines[j])) {
        flush();
        out.push(`  ${actualLines[i].length >= expectedLines[j].length ? actualLines[i] : expectedLines[j]}`);
        i++;
        j++;
      } else if (j >= m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
        added.push(actualLines[i++]);
      } else {
        removed.push(expectedLines[j++]);
      }
    }
    flush();
    return out.join('\n');
  }

  function comparisonMessage(actual, expected, operator) {
    const actualText = inspectValue(actual), expectedText = inspectValue(expected);
    const actualLines = actualText.split('\n'), expectedLines = expectedText.split('\n');
    if (operator === 'strictEqual' && isObject(actual) && isObject(expected)) {
      operator = 'strictEqualObject';
    }
    if (actualLines.length === 1 && expectedLines.length === 1 && actualText !== expectedText
        && actualText.length + expectedText.length <= 12 && !isObject(actual) && !isObject(expected)
        && (actual !== 0 || expected !== 0)) {
      return `${headers[operator]}\n\n${actualText} !== ${expectedText}\n`;
    }
    if (actualText === expectedText) {
      const header = operator === 'strictEqualObject' ? 'Values have same structure but are not reference-equal:'
          : headers.notIdentical;
      return `${header}\n\n${actualText}\n`;
    }
    return `${headers[operator]}\n+ actual - expected\n\n${lineDiff(actualLines, expectedLines)}`;
  }

  class AssertionError extends GuestError {
    constructor(options) {
      if (options === null || typeof options !== 'object') {
        throw errors.invalidArgType('options', 'of type object', options);
      }
      const { message, actual, expected, operator } = options;
      let text;
      if (message != null) {
        text = String(message);
      } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        text = comparisonMessage(actual, expected, operator);
      } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
        const header = operator === 'notStrictEqual' && isObject(actual) ? headers.notStrictEqualObject
            : headers[operator];
        const lines = inspectValue(actual).split('\n');
        text = lines.length === 1 ? `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`
            : `${header}\n\n${lines.join('\n')}\n`;
      } else {
        const actualText = inspectValue(actual), expectedText = inspectValue(expected);
        if (operator === 'deepEqual') {
          text = `${headers.deepEqual}\n\n${actualText}\n\nshould loosely deep-equal\n\n${expectedText}`;
        } else if (operator === 'notDeepEqual') {
          text = actualText === expectedText ? `${headers.notDeepEqual}\n\n${actualText}`
              : `${headers.notDeepEqualUnequal}\n\n${actualText}\n\nshould not loosely deep-equal\n\n${expectedText}`;
        } else {
          text = `${actualText} ${operator} ${expectedText}`;
        }
      }
      super(text);
      this.generatedMessage = message == null;
      Object.defineProperty(this, 'name', { value: 'AssertionError', writable: true, configurable: true });
      this.code = 'ERR_ASSERTION';
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }

    toString() {
      return `${this.name} [${this.code}]: ${this.message}`;
    }
  }

  const fail = (options, start) => {
    if (options.message instanceof GuestError) {
      throw options.message;
    }
    const error = new AssertionError(options);
    GuestError.captureStackTrace?.(error, start);
    if (options.generatedMessage !== undefined) {
      error.generatedMessage = options.generatedMessage;
    }
    return error;
  };

  function innerOk(start, name, argumentCount, value, message) {
    if (value) {
      return;
    }
    let generated = false;
    if (argumentCount === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generated = true;
      message = `The expression evaluated to a falsy value:\n\n  ${name}(${util.inspect(value)})\n`;
    }
    throw fail({ actual: value, expected: true, message, operator: '==', generatedMessage: generated }, start);
  }

  const assert = function ok(...args) {
    innerOk(assert, 'assert', args.length, ...args);
  };
  assert.ok = function ok(...args) {
    innerOk(assert.ok, 'assert.ok', args.length, ...args);
  };

  const comparison = (name, passes, operator = name) => {
    const check = {
      [name](actual, expected, message) {
        if (arguments.length < 2) {
          const error = new GuestTypeError('The "actual" and "expected" arguments must be specified');
          error.code = 'ERR_MISSING_ARGS';
          throw error;
        }
        if (!passes(actual, expected)) {
          throw fail({ actual, expected, message, operator }, check);
        }
      },
    }[name];
    return check;
  };
  // eslint-disable-next-line eqeqeq
  assert.equal = comparison('equal', (a, b) => a == b || (Number.isNaN(a) && Number.isNaN(b)), '==');
  // eslint-disable-next-line eqeqeq
  assert.notEqual = comparison('notEqual', (a, b) => !(a == b || (Number.isNaN(a) && Number.isNaN(b))), '!=');
  assert.strictEqual = comparison('strictEqual', Object.is);
  assert.notStrictEqual = comparison('notStrictEqual', (a, b) => !Object.is(a, b));
  assert.deepEqual = comparison('deepEqual', (a, b) => deepEqual(a, b, false));
  assert.notDeepEqual = comparison('notDeepEqual', (a, b) => !deepEqual(a, b, false));
  assert.deepStrictEqual = comparison('deepStrictEqual', (a, b) => deepEqual(a, b, true));
  assert.notDeepStrictEqual = comparison('notDeepStrictEqual', (a, b) => !deepEqual(a, b, true));

  assert.fail = function fail_(message) {
    if (message instanceof GuestError) {
      throw message;
    }
    throw fail({ message: message ?? 'Failed', operator: 'fail', generatedMessage: message === undefined }, assert.fail);
  };

  assert.ifError = function ifError(value) {
    if (value === null || value === undefined) {
      return;
    }
    let message = 'ifError got unwanted exception: ';
    message += typeof value?.message === 'string' && value.message.length > 0
        ? value.message : util.inspect(value);
    throw fail({ actual: value, expected: null, operator: 'ifError', message, generatedMessage: false },
        assert.ifError);
  };

  const matching = (name, wanted) => function match(text, pattern, message) {
    if (!(pattern instanceof RegExp)) {
      throw errors.invalidArgType('regexp', 'an instance of RegExp', pattern);
    }
    if (typeof text !== 'string' || pattern.test(text) !== wanted) {
      if (message instanceof GuestError) {
        throw message;
      }
      const generated = message == null;
      message ??= typeof text !== 'string'
          ? `The "string" argument must be of type string. ${errors.received(text)}`
          : `${wanted ? 'The input did not match the regular expression' : 'The input was expected to not match the regular expression'} ${util.inspect(pattern)}. Input:\n\n${util.inspect(text)}\n`;
      throw fail({ actual: text, expected: pattern, message, operator: name, generatedMessage: generated }, match);
    }
  };
  assert.match = matching('match', true);
  assert.doesNotMatch = matching('doesNotMatch', false);

  // What throws/rejects check a caught error against: a class, a RegExp on its string form, a validation function,
  // or an object whose own keys must deep-equal the error's.
  function validate(actual, expected, message, operator, start) {
    if (expected instanceof RegExp) {
      const text = String(actual);
      if (expected.test(text)) {
        return;
      }
      throw fail({ actual, expected, operator, generatedMessage: message == null, message: message ?? `The input did not match the regular expression ${util.inspect(expected)}. Input:\n\n${util.inspect(text)}\n` }, start);
    }
    if (typeof expected === 'function') {
      if (expected.prototype !== undefined && actual instanceof expected) {
        return;
      }
      if (GuestError.isPrototypeOf(expected) || expected === GuestError) {
        if (actual instanceof GuestError) {
          throw fail({ actual, expected, operator, generatedMessage: message == null, message: message ?? `The error is expected to be an instance of "${expected.name}". Received "${actual?.constructor?.name}"\n\nError message:\n\n${actual.message}` }, start);
        }
        throw actual;
      }
      const result = expected.call({}, actual);
      if (result !== true) {
        throw fail({ actual, expected, operator, generatedMessage: message == null, message: message ?? `The ${expected.name ? `"${expected.name}" validation function` : 'validation function'} is expected to return "true". Received ${util.inspect(result)}\n\nCaught error:\n\n${actual}` }, start);
      }
      return;
    }
    if (expected !== null && typeof expected === 'object') {
      const keys = Object.keys(expected);
      if (expected instanceof GuestError) {
        keys.push('name', 'message');
      }
      for (const key of keys) {
        const wanted = expected[key];
        const got = actual?.[key];
        const ok = typeof got === 'string' && wanted instanceof RegExp ? wanted.test(got)
            : actual !== null && typeof actual === 'object' && key in actual && deepEqual(got, wanted, true);
        if (!ok) {
          class Comparison {
            constructor(source) {
              for (const name of keys) {
                if (source !== null && typeof source === 'object' && name in source) {
                  this[name] = source[name];
                }
              }
            }
          }
          const error = fail({ actual: new Comparison(actual), expected: new Comparison(expected),
            operator: 'deepStrictEqual', message }, start);
          error.operator = operator;
          throw error;
        }
      }
      return;
    }
    throw errors.invalidArgType('expected', 'of type function or an instance of Error, RegExp, or Object', expected);
  }
  const NOTHING = Symbol('nothing thrown');
  const describe = (expected) => (typeof expected === 'function' && expected.name ? ` (${expected.name})` : '');
  function missing(kind, expected, message, operator, start) {
    if (typeof expected === 'string') {
      [message, expected] = [expected, undefined];
    }
    const text = `Missing expected ${kind}${describe(expected)}${message ? `: ${message}` : '.'}`;
    throw fail({ actual: undefined, expected, operator, message: text, generatedMessage: false }, start);
  }
  function unwanted(kind, actual, expected, message, operator, start) {
    if (typeof expected === 'string') {
      message = expected;
    } else if (expected !== undefined && typeof expected === 'function' && !(actual instanceof expected)) {
      throw actual;
    }
    const details = message ? `: ${message}` : '.';
    const actualMessage = actual?.message;
    throw fail({ actual, expected, operator, generatedMessage: false,
      message: `Got unwanted ${kind}${details}\nActual message: "${actualMessage}"` }, start);
  }
  const { requireFunction } = errors;

  assert.throws = function throws(fn, expected, message) {
    requireFunction('fn', fn);
    let caught = NOTHING;
    try {
      fn();
    } catch (error) {
      caught = error;
    }
    if (caught === NOTHING) {
      missing('exception', expected, message, 'throws', throws);
    }
    if (expected !== undefined && typeof expected !== 'string') {
      validate(caught, expected, message, 'throws', throws);
    }
  };
  assert.doesNotThrow = function doesNotThrow(fn, expected, message) {
    requireFunction('fn', fn);
    try {
      fn();
    } catch (error) {
      unwanted('exception', error, expected, message, 'doesNotThrow', doesNotThrow);
    }
  };
  const settle = async (promiseOrFn) => {
    const promise = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
    if (promise === null || typeof promise?.then !== 'function') {
      const error = errors.invalidArgType('promiseFn', 'of type function or an instance of Promise', promise);
      throw errors.coded(error, typeof promiseOrFn === 'function' ? 'ERR_INVALID_RETURN_VALUE' : error.code);
    }
    try {
      await promise;
      return NOTHING;
    } catch (error) {
      return { error };
    }
  };
  assert.rejects = async function rejects(promiseOrFn, expected, message) {
    const outcome = await settle(promiseOrFn);
    if (outcome === NOTHING) {
      missing('rejection', expected, message, 'rejects', rejects);
    }
    if (expected !== undefined && typeof expected !== 'string') {
      validate(outcome.error, expected, message, 'rejects', rejects);
    }
  };
  assert.doesNotReject = async function doesNotReject(promiseOrFn, expected, message) {
    const outcome = await settle(promiseOrFn);
    if (outcome !== NOTHING) {
      unwanted('rejection', outcome.error, expected, message, 'doesNotReject', doesNotReject);
    }
  };

  // node's (deprecated) CallTracker: functions that count their calls, and verify() that each met its count
  class CallTracker {
    #tracked = new Map();

    calls(fn = () => {}, exact = 1) {
      if (typeof fn === 'number') {
        [fn, exact] = [() => {}, fn];
      }
      requireFunction('fn', fn);
      const record = { name: fn.name || 'calls', exact, calls: [] };
      const tracked = function (...args) {
        record.calls.push({ thisArg: this, arguments: args });
        return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
      };
      Object.defineProperty(tracked, 'length', { value: fn.length });
      this.#tracked.set(tracked, record);
      return tracked;
    }

    getCalls(tracked) {
      return this.#record(tracked).calls.map((call) => ({ ...call }));
    }

    report() {
      const reports = [];
      for (const record of this.#tracked.values()) {
        if (record.calls.length !== record.exact) {
          reports.push({
            message: `Expected the ${record.name} function to be executed ${record.exact} time(s) but was executed ${record.calls.length} time(s).`,
            actual: record.calls.length, expected: record.exact, operator: record.name, stack: new GuestError(),
          });
        }
      }
      return reports;
    }

    reset(tracked) {
      const records = tracked === undefined ? [...this.#tracked.values()] : [this.#record(tracked)];
      for (const record of records) {
        record.calls = [];
      }
    }

    verify() {
      const reports = this.report();
      if (reports.length === 0) {
        return;
      }
      const message = reports.length === 1 ? reports[0].message
          : ['Functions were not called the expected number of times', ...reports.map((r) => r.message)].join('\n');
      throw fail({ message, details: reports, operator: 'verify', generatedMessage: true }, this.verify);
    }

    #record(tracked) {
      const record = this.#tracked.get(tracked);
      if (record === undefined) {
        const error = new GuestTypeError('The "fn" argument must be a tracked function');
        error.code = 'ERR_INVALID_ARG_VALUE';
        throw error;
      }
      return record;
    }
  }

  assert.AssertionError = AssertionError;
  assert.CallTracker = CallTracker;
  // assert.strict: the same functions with the loose ones replaced by the strict ones
  const strict = function strict(...args) {
    innerOk(strict, 'assert', args.length, ...args);
  };
  Object.assign(strict, assert, {
    equal: assert.strictEqual, notEqual: assert.notStrictEqual,
    deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
  });
  strict.strict = strict;
  assert.strict = strict;
  return assert;
})
