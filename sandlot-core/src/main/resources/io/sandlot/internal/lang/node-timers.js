// Node's `timers` and `timers/promises` for JavaScript guests, over the sandbox's own timer functions (JsTimers: the
// globals as the sandbox made them, whatever the script has since done to the globals), so their time is the
// sandbox's virtual time: a timer fires as soon as the ones before it have. Evaluated once per context, on the first
// require of either; the value is a function of those functions and of node's argument errors (node-errors.js)
// that returns { timers, promises }.
(function (functions, errors) {
  'use strict';
  const GuestError = Error;
  const { coded, invalidArgType } = errors;
  const { setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval } = functions;
  const timers = { setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval };

  const abortError = (signal) => {
    const error = coded(new GuestError('The operation was aborted'), 'ABORT_ERR');
    error.name = 'AbortError';
    if (signal?.reason !== undefined) error.cause = signal.reason;
    return error;
  };
  // node's checks of the options: an object, whose signal is an AbortSignal and whose ref is a boolean
  const checkOptions = (options) => {
    if (options === null || typeof options !== 'object') {
      throw invalidArgType('options', 'of type object', options);
    }
    const { signal, ref = true } = options;
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
    }
    if (typeof ref !== 'boolean') throw invalidArgType('options.ref', 'of type boolean', ref);
    return { signal, ref };
  };
  // a promise of what `start` resolves, rejected with an AbortError when the signal aborts first
  const waiting = (options, start, cancel) => {
    let checked;
    try {
      checked = checkOptions(options);
    } catch (error) {
      return Promise.reject(error);
    }
    const { signal, ref } = checked;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      let onAbort = null;
      const handle = start((value) => {
        if (onAbort !== null) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (!ref) handle.unref();
      if (signal !== undefined) {
        onAbort = () => {
          cancel(handle);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  };

  const promises = {
    setTimeout: { setTimeout(delay, value, options = {}) {
      return waiting(options, (resolve) => setTimeout(resolve, delay, value), clearTimeout);
    } }.setTimeout,
    setImmediate: { setImmediate(value, options = {}) {
      return waiting(options, (resolve) => setImmediate(resolve, value), clearImmediate);
    } }.setImmediate,
    // an async iterator that yields value every delay, until the loop that reads it stops
    setInterval: { async *setInterval(delay, value, options = {}) {
      const { signal, ref } = checkOptions(options);
      if (signal?.aborted) throw abortError(signal);
      let ticks = 0, wake = null, aborted = false;
      const interval = setInterval(() => {
        ticks++;
        if (wake !== null) {
          wake();
          wake = null;
        }
      }, delay);
      if (!ref) interval.unref();
      const onAbort = () => {
        aborted = true;
        if (wake !== null) {
          wake();
          wake = null;
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        for (;;) {
          if (ticks === 0 && !aborted) {
            await new Promise((resolve) => { wake = resolve; });
          }
          if (aborted) throw abortError(signal);
          for (; ticks > 0; ticks--) {
            yield value;
          }
        }
      } finally {
        clearInterval(interval);
        signal?.removeEventListener('abort', onAbort);
      }
    } }.setInterval,
  };
  promises.scheduler = {
    wait: (delay, options) => promises.setTimeout(delay, undefined, options),
    yield: () => promises.setImmediate(),
  };
  Object.defineProperty(timers, 'promises', { get: () => promises, enumerable: true, configurable: true });
  return { timers, promises };
})
