// Node's `events` for JavaScript guests, written here to node 20's documented behaviour: EventEmitter (a function,
// so that both `class X extends EventEmitter` and the older `EventEmitter.call(this)` work), with the own fields
// node's instances have (_events, a null-prototype object of a listener or an array of them, _eventsCount,
// _maxListeners), so that inspecting one prints as node's; and the module's functions (once, on, getEventListeners,
// setMaxListeners...). Evaluated once per context, on the first require('events'); the value is a function of
// node's argument errors (node-errors.js), of a function that returns util.inspect and of process.emitWarning (the
// sandbox's own, whatever the script made of the global process) that returns the module.
(function (errors, inspect, emitWarning) {
  'use strict';
  const GuestError = Error, apply = Reflect.apply, ownKeys = Reflect.ownKeys;
  const { coded, invalidArgType, outOfRange, requireFunction } = errors;
  const kCapture = Symbol('kCapture'), kShapeMode = Symbol('shapeMode');
  const kRejection = Symbol.for('nodejs.rejection');
  const errorMonitor = Symbol('events.errorMonitor');
  let defaultMaxListeners = 10, captureRejections = false;

  const checkListener = (listener) => requireFunction('listener', listener);
  const checkNumber = (value, name) => {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!(value >= 0)) throw outOfRange(name, '>= 0', value);
  };
  const emptyEvents = () => Object.create(null);

  function EventEmitter(options) {
    apply(init, this, [options]);
  }

  function init(options) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = emptyEvents();
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
    this[kShapeMode] = false;
    if (options?.captureRejections !== undefined) {
      if (typeof options.captureRejections !== 'boolean') {
        throw invalidArgType('options.captureRejections', 'of type boolean', options.captureRejections);
      }
      this[kCapture] = options.captureRejections;
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  }

  const proto = EventEmitter.prototype;
  Object.defineProperties(proto, {
    _events: { value: undefined, writable: true, enumerable: false, configurable: true },
    _eventsCount: { value: 0, writable: true, enumerable: false, configurable: true },
    _maxListeners: { value: undefined, writable: true, enumerable: false, configurable: true },
    [kCapture]: { value: false, writable: true, enumerable: false, configurable: true },
  });

  const maxListenersOf = (target) => (target._maxListeners === undefined ? defaultMaxListeners
      : target._maxListeners);

  // A promise a listener returned that rejects goes to the emitter's Symbol.for('nodejs.rejection') method or
  // becomes its 'error' event, when the emitter captures rejections.
  const captureRejection = (target, result, type, args) => {
    if (result === null || result === undefined || typeof result.then !== 'function') return;
    result.then(undefined, (error) => {
      queueMicrotask(() => {
        if (typeof target[kRejection] === 'function') {
          target[kRejection](error, type, ...args);
        } else {
          const previous = target[kCapture];
          try {
            target[kCapture] = false;
            target.emit('error', error);
          } finally {
            target[kCapture] = previous;
          }
        }
      });
    });
  };

  const unhandled = (error) => {
    let shown;
    try {
      shown = inspect()(error);
    } catch {
      shown = '[object]';
    }
    const wrapped = coded(new GuestError(`Unhandled error. (${shown})`), 'ERR_UNHANDLED_ERROR');
    wrapped.context = error;
    return wrapped;
  };

  const methods = {
    setMaxListeners(n) {
      checkNumber(n, 'setMaxListeners');
      this._maxListeners = n;
      return this;
    },
    getMaxListeners() {
      return maxListenersOf(this);
    },
    emit(type, ...args) {
      let isError = type === 'error';
      const events = this._events;
      if (events !== undefined) {
        if (isError && events[errorMonitor] !== undefined) {
          this.emit(errorMonitor, ...args);
        }
        isError = isError && events.error === undefined;
      } else if (!isError) {
        return false;
      }
      if (isError) {
        const error = args[0];
        throw error instanceof GuestError ? error : unhandled(error);
      }
      const handler = events[type];
      if (handler === undefined) return false;
      // a copy: listeners that add or remove listeners change the next emit, not this one
      const listeners = typeof handler === 'function' ? [handler] : [...handler];
      for (const listener of listeners) {
        const result = apply(listener, this, args);
        if (this[kCapture]) captureRejection(this, result, type, args);
      }
      return true;
    },
    addListener(type, listener) {
      return addListener(this, type, listener, false);
    },
    prependListener(type, listener) {
      return addListener(this, type, listener, true);
    },
    once(type, listener) {
      checkListener(listener);
      return this.on(type, onceWrapped(this, type, listener));
    },
    prependOnceListener(type, listener) {
      checkListener(listener);
      return this.prependListener(type, onceWrapped(this, type, listener));
    },
    removeListener(type, listener) {
      checkListener(listener);
      const events = this._events;
      if (events === undefined) return this;
      const list = events[type];
      if (list === undefined) return this;
      if (list === listener || list.listener === listener) {
        if (--this._eventsCount === 0) {
          this._events = emptyEvents();
        } else {
          delete events[type];
        }
        if (events.removeListener !== undefined) {
          this.emit('removeListener', type, list.listener || listener);
        }
        return this;
      }
      if (typeof list === 'function') return this;
      let at = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          at = i;
          break;
        }
      }
      if (at < 0) return this;
      list.splice(at, 1);
      if (list.length === 1) events[type] = list[0];
      // as node's: the listener asked for (a once wrapper's own listener only when it was the last one)
      if (events.removeListener !== undefined) {
        this.emit('removeListener', type, listener);
      }
      return this;
    },
    removeAllListeners(type) {
      const events = this._events;
      if (events === undefined) return this;
      if (events.removeListener === undefined) {
        if (arguments.length === 0) {
          this._events = emptyEvents();
          this._eventsCount = 0;
        } else if (events[type] !== undefined) {
          if (--this._eventsCount === 0) {
            this._events = emptyEvents();
          } else {
            delete events[type];
          }
        }
        return this;
      }
      // with 'removeListener' listeners, each removal is told to them, 'removeListener' last
      if (arguments.length === 0) {
        for (const key of ownKeys(events)) {
          if (key !== 'removeListener') this.removeAllListeners(key);
        }
        this.removeAllListeners('removeListener');
        this._events = emptyEvents();
        this._eventsCount = 0;
        return this;
      }
      const listeners = events[type];
      if (typeof listeners === 'function') {
        this.removeListener(type, listeners);
      } else if (listeners !== undefined) {
        for (let i = listeners.length - 1; i >= 0; i--) {
          this.removeListener(type, listeners[i]);
        }
      }
      return this;
    },
    listeners(type) {
      return listenersOf(this, type, true);
    },
    rawListeners(type) {
      return listenersOf(this, type, false);
    },
    listenerCount(type, listener) {
      const list = this._events?.[type];
      if (list === undefined) return 0;
      const all = typeof list === 'function' ? [list] : list;
      if (listener === undefined || listener === null) return all.length;
      return all.filter((entry) => entry === listener || entry.listener === listener).length;
    },
    eventNames() {
      return this._eventsCount > 0 ? ownKeys(this._events) : [];
    },
  };
  methods.on = methods.addListener;
  methods.off = methods.removeListener;
  // in node's order: emit, addListener, on, prependListener, once...
  for (const name of ['setMaxListeners', 'getMaxListeners', 'emit', 'addListener', 'on', 'prependListener', 'once',
    'prependOnceListener', 'removeListener', 'off', 'removeAllListeners', 'listeners', 'rawListeners',
    'listenerCount', 'eventNames']) {
    Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: false,
                                         configurable: true });
  }

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    if (events === undefined) {
      events = target._events = emptyEvents();
      target._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      events = target._events;   // a 'newListener' listener may have reset them
    }
    const existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
      return target;
    }
    let list = existing;
    if (typeof existing === 'function') {
      list = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      list.unshift(listener);
    } else {
      list.push(listener);
    }
    const max = maxListenersOf(target);
    if (max > 0 && list.length > max && !list.warned) {
      list.warned = true;
      const name = typeof target.constructor === 'function' && target.constructor.name || 'Object';
      const warning = new GuestError(`Possible EventEmitter memory leak detected. ${list.length} ${String(type)} `
          + `listeners added to [${name}]. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`);
      warning.name = 'MaxListenersExceededWarning';
      warning.emitter = target;
      warning.type = type;
      warning.count = list.length;
      emitWarning(warning);
    }
    return target;
  }

  function onceWrapper(...args) {
    if (!this.fired) {
      this.target.removeListener(this.type, this.wrapFn);
      this.fired = true;
      return apply(this.listener, this.target, args);
    }
    return undefined;
  }
  const onceWrapped = (target, type, listener) => {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  };

  const listenersOf = (target, type, unwrap) => {
    const list = target._events?.[type];
    if (list === undefined) return [];
    const all = typeof list === 'function' ? [list] : list;
    return unwrap ? all.map((entry) => entry.listener || entry) : [...all];
  };

  // the module's functions
  const isEmitter = (value) => value !== null && typeof value === 'object' && typeof value.on === 'function'
      && typeof value.removeListener === 'function';
  const isEventTarget = (value) => value !== null && typeof value === 'object'
      && typeof value.addEventListener === 'function';

  function once(emitter, name) {
    return new Promise((resolve, reject) => {
      if (isEmitter(emitter)) {
        const onError = (error) => {
          emitter.removeListener(name, resolver);
          reject(error);
        };
        const resolver = (...args) => {
          if (name !== 'error') emitter.removeListener('error', onError);
          resolve(args);
        };
        emitter.once(name, resolver);
        if (name !== 'error') emitter.once('error', onError);
      } else if (isEventTarget(emitter)) {
        emitter.addEventListener(name, (...args) => resolve(args), { once: true });
      } else {
        throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
      }
    });
  }

  // An async iterator of the events' arguments, until an 'error' event (which it throws) or its return()
  function on(emitter, event) {
    if (!isEmitter(emitter)) {
      throw invalidArgType('emitter', 'an instance of EventEmitter', emitter);
    }
    const queued = [], waiting = [];
    let failure = null, done = false;
    const onEvent = (...args) => {
      if (waiting.length > 0) {
        waiting.shift().resolve({ value: args, done: false });
      } else {
        queued.push(args);
      }
    };
    const onError = (error) => {
      if (waiting.length > 0) {
        waiting.shift().reject(error);
      } else {
        failure = error;
      }
      finish();
    };
    const finish = () => {
      done = true;
      emitter.removeListener(event, onEvent);
      emitter.removeListener('error', onError);
      for (const pending of waiting.splice(0)) pending.resolve({ value: undefined, done: true });
    };
    emitter.on(event, onEvent);
    if (event !== 'error') emitter.on('error', onError);
    const iterator = Object.setPrototypeOf({
      next() {
        if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
        if (failure !== null) {
          const error = failure;
          failure = null;
          return Promise.reject(error);
        }
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(error) {
        finish();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    }, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
    return iterator;
  }

  function getEventListeners(emitterOrTarget, type) {
    if (typeof emitterOrTarget?.listeners === 'function') return emitterOrTarget.listeners(type);
    throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitterOrTarget);
  }
  function getMaxListeners(emitterOrTarget) {
    if (typeof emitterOrTarget?.getMaxListeners === 'function') return emitterOrTarget.getMaxListeners();
    throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitterOrTarget);
  }
  function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
    checkNumber(n, 'n');
    if (eventTargets.length === 0) {
      defaultMaxListeners = n;
      return;
    }
    for (const target of eventTargets) {
      if (typeof target?.setMaxListeners !== 'function') {
        throw invalidArgType('eventTargets', 'an instance of EventEmitter or EventTarget', target);
      }
      target.setMaxListeners(n);
    }
  }
  function listenerCount(emitter, type) {
    return typeof emitter.listenerCount === 'function' ? emitter.listenerCount(type)
        : proto.listenerCount.call(emitter, type);
  }
  function addAbortListener(signal, listener) {
    if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw invalidArgType('signal', 'an instance of AbortSignal', signal);
    }
    requireFunction('listener', listener);
    if (signal.aborted) {
      queueMicrotask(() => listener());
    } else {
      signal.addEventListener('abort', listener, { once: true });
    }
    return { [Symbol.dispose ?? Symbol.for('nodejs.dispose')]() {
      signal.removeEventListener?.('abort', listener);
    } };
  }
  // node's resource-tracking emitter; the sandbox tracks no async resources, so it is an EventEmitter
  class EventEmitterAsyncResource extends EventEmitter {}

  const exported = { addAbortListener, once, on, getEventListeners, getMaxListeners, EventEmitter,
                     usingDomains: false, captureRejectionSymbol: kRejection };
  for (const [name, value] of Object.entries(exported)) {
    Object.defineProperty(EventEmitter, name, { value, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperties(EventEmitter, {
    captureRejections: {
      get: () => captureRejections,
      set(value) {
        if (typeof value !== 'boolean') throw invalidArgType('EventEmitter.captureRejections', 'of type boolean', value);
        captureRejections = value;
        proto[kCapture] = value;
      },
      enumerable: true, configurable: true,
    },
    EventEmitterAsyncResource: { value: EventEmitterAsyncResource, writable: true, enumerable: true,
                                 configurable: true },
    errorMonitor: { value: errorMonitor, writable: false, enumerable: true, configurable: false },
    defaultMaxListeners: {
      get: () => defaultMaxListeners,
      set(value) {
        checkNumber(value, 'defaultMaxListeners');
        defaultMaxListeners = value;
      },
      enumerable: true, configurable: true,
    },
    setMaxListeners: { value: setMaxListeners, writable: true, enumerable: true, configurable: true },
    init: { value: init, writable: true, enumerable: true, configurable: true },
    listenerCount: { value: listenerCount, writable: true, enumerable: true, configurable: true },
  });
  return EventEmitter;
})
