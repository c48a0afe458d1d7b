// Node's argument errors, as node words them, for the node modules the sandbox provides (fs, path, buffer, util,
// assert, crypto): made once per context and handed to each module's function.
(function () {
  'use strict';
  const GuestTypeError = TypeError, GuestRangeError = RangeError;
  // a primitive as node's util.inspect shows it, cut as node's errors cut it
  const shown = (value) => {
    const text = typeof value === 'string' ? `'${value}'`
        : typeof value === 'bigint' ? `${value}n`
        : Object.is(value, -0) ? '-0'
        : String(value);
    return text.length > 28 ? `${text.slice(0, 25)}...` : text;
  };
  const received = (value) => value === null || value === undefined ? `Received ${value}`
      : typeof value === 'function' ? `Received function ${value.name}`
      : typeof value === 'object' ? `Received an instance of ${value.constructor?.name ?? 'Object'}`
      : `Received type ${typeof value} (${shown(value)})`;
  // node groups the digits of an integer beyond 2 ** 32 in its range errors: 8_589_934_592
  const grouped = (value) => Number.isInteger(value) && Math.abs(value) > 2 ** 32
      ? String(value).replace(/\B(?=(\d{3})+$)/g, '_') : value;
  const coded = (error, code) => {
    error.code = code;
    return error;
  };
  // node names an argument "name" argument, a property "a.b" property, and a subject that says so itself as it is
  const subject = (name) => name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  const invalidArgType = (name, expected, value) => coded(
      new GuestTypeError(`The ${subject(name)} must be ${expected}. ${received(value)}`), 'ERR_INVALID_ARG_TYPE');
  return Object.freeze({
    received,
    coded,
    invalidArgType,
    requireFunction: (name, value) => {
      if (typeof value !== 'function') {
        throw invalidArgType(name, 'of type function', value);
      }
    },
    outOfRange: (name, range, value) => coded(new GuestRangeError(
        `The value of "${name}" is out of range. It must be ${range}. Received ${grouped(value)}`), 'ERR_OUT_OF_RANGE'),
  });
})
