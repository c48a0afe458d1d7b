package io.sandlot.internal.lang;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@code setTimeout}, {@code setInterval}, {@code setImmediate}, their {@code clear*} functions and
 * {@code queueMicrotask}, which GraalJS does not have and node programs use (a promise around {@code setTimeout} is
 * how they wait). A guest has no event loop of its own, so the script's is run by the host when the script's code
 * has returned: the timers fire one by one in node's order (by due time, then as they were set), and the promise
 * jobs a callback queues run before the next timer fires, as in node. The handles are node's {@code Timeout} and
 * {@code Immediate}; an unref'd one does not keep the loop running, so the script ends when only such are left.
 *
 * <p>Time is virtual: a timer fires as soon as the ones before it have, without waiting its delay, and
 * {@code Date.now()} does not jump. A sandbox has nothing to wait for, and waiting would only hold an execution slot;
 * a program that sets intervals forever runs until a limit stops it, as under node.
 */
final class JsTimers {

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (uncaught) {
              const timers = new Map();   // by id, the pending ones: cleared, fired (unless repeating) are not there
              let nextId = 1, now = 0, sequence = 0;
              const GuestTypeError = TypeError, toPrimitive = Symbol.toPrimitive;
              const CALLBACK = 'The "callback" argument must be of type function. Received ';
              const check = (callback) => {
                if (typeof callback !== 'function') {
                  throw new GuestTypeError(CALLBACK + typeof callback);
                }
              };
              // Timeout and Immediate hold their timer out of the guest's reach: a script cannot reschedule one but
              // through node's methods.
              const entries = new WeakMap();
              const arm = (entry) => {
                entry.due = now + entry.ms;
                entry.order = sequence++;
                timers.set(entry.id, entry);
              };
              const add = (handle, callback, delay, args, repeat) => {
                check(callback);
                const ms = Math.max(1, Number(delay) || 0);
                const entry = { id: nextId++, callback, args, ms, repeat, ref: true, cleared: false };
                entries.set(handle, entry);
                arm(entry);
                return handle;
              };
              // node's clear functions take the handle or, for a Timeout, its id (+timeout)
              const clear = (timer) => {
                const entry = typeof timer === 'object' && timer !== null ? entries.get(timer)
                    : timers.get(Number(timer));
                if (entry !== undefined) {
                  entry.cleared = true;
                  timers.delete(entry.id);
                }
              };
              const refMethods = {
                ref() {
                  entries.get(this).ref = true;
                  return this;
                },
                unref() {
                  entries.get(this).ref = false;
                  return this;
                },
                hasRef() {
                  return entries.get(this).ref;
                },
              };
              class Timeout {
                refresh() {
                  const entry = entries.get(this);
                  if (!entry.cleared) {
                    arm(entry);   // again from now, also after it fired, as node's
                  }
                  return this;
                }
                close() {
                  clear(this);
                  return this;
                }
                [toPrimitive]() {
                  return entries.get(this).id;
                }
              }
              class Immediate {}
              for (const type of [Timeout, Immediate]) {
                for (const [name, method] of Object.entries(refMethods)) {
                  Object.defineProperty(type.prototype, name, { value: method, writable: true, configurable: true });
                }
              }
              const define = (name, fn) => Object.defineProperty(globalThis, name,
                { value: fn, writable: true, configurable: true, enumerable: false });
              define('setTimeout', function setTimeout(callback, delay, ...args) {
                return add(new Timeout(), callback, delay, args, false);
              });
              define('setInterval', function setInterval(callback, delay, ...args) {
                return add(new Timeout(), callback, delay, args, true);
              });
              define('setImmediate', function setImmediate(callback, ...args) {
                return add(new Immediate(), callback, 0, args, false);
              });
              // what util.promisify makes of them, as node's: timers/promises' setTimeout(delay, value) and
              // setImmediate(value), promises of value
              const promisified = Symbol.for('nodejs.util.promisify.custom');
              Object.defineProperty(globalThis.setTimeout, promisified, {
                value: function setTimeout(delay, value) {
                  return new Promise((resolve) => add(new Timeout(), resolve, delay, [value], false));
                },
                writable: true, configurable: true, enumerable: false,
              });
              Object.defineProperty(globalThis.setImmediate, promisified, {
                value: function setImmediate(value) {
                  return new Promise((resolve) => add(new Immediate(), resolve, 0, [value], false));
                },
                writable: true, configurable: true, enumerable: false,
              });
              define('clearTimeout', function clearTimeout(timer) { clear(timer); });
              define('clearInterval', function clearInterval(timer) { clear(timer); });
              define('clearImmediate', function clearImmediate(immediate) { clear(immediate); });
              define('queueMicrotask', function queueMicrotask(callback) {
                check(callback);
                Promise.resolve().then(() => callback());
              });
              // Fires the next timer; false when no ref'd one is left: as node's loop, the unref'd ones do not keep
              // the script alive, and fire only if they come due before the last ref'd one.
              const fireNext = function fireNext() {
                let next = null, refs = false;
                for (const timer of timers.values()) {
                  refs ||= timer.ref;
                  if (next === null || timer.due < next.due || (timer.due === next.due && timer.order < next.order)) {
                    next = timer;
                  }
                }
                if (!refs) {
                  return false;
                }
                now = next.due;
                if (next.repeat) {
                  arm(next);
                } else {
                  timers.delete(next.id);
                }
                try {
                  next.callback(...next.args);
                } catch (error) {
                  if (!uncaught(error)) {
                    throw error;
                  }
                }
                return true;
              };
              fireNext.clear = () => { timers.clear(); };
              // the functions as defined here, for node's timers module whatever the script does to the globals
              fireNext.functions = Object.freeze({ setTimeout: globalThis.setTimeout,
                clearTimeout: globalThis.clearTimeout, setImmediate: globalThis.setImmediate,
                clearImmediate: globalThis.clearImmediate, setInterval: globalThis.setInterval,
                clearInterval: globalThis.clearInterval });
              return fireNext;
            })
            """, "<sandlot-timers>").buildLiteral();

    /** An evaluation that does nothing: when it returns, the jobs queued before it have run. */
    private static final Source RUN_JOBS = Source.newBuilder("js", "undefined", "<sandlot-jobs>").buildLiteral();

    private JsTimers() {
    }

    /**
     * Defines the timer functions in a new context, whose callbacks' errors go to {@code uncaught} (a function of
     * the error that says whether a listener took it: {@link JsProcess#uncaught}); returns what {@link #runAll}
     * takes.
     */
    static Value install(Context context, Value uncaught) {
        return context.eval(INSTALLER).execute(uncaught);
    }

    /**
     * Fires the context's timers until no ref'd one is left, running after each one the promise jobs it queued (which
     * may set more timers). A callback that throws ends the run with its error, as an uncaught error ends node's,
     * unless a {@code process.on('uncaughtException')} listener takes it; so does {@code process.exit}
     * ({@link JsProcess}), and a promise rejection nobody handles ({@link #runJobs}).
     */
    static void runAll(Context context, Value fireNext) {
        JsProcess.raiseUnhandledRejection(context);   // of the script's own jobs, which ran when its code returned
        while (JsProcess.exitStatus(context, false) == null && fireNext.execute().asBoolean()) {
            runJobs(context);
        }
    }

    /** The timer functions {@link #install} defined, for node's {@code timers} module. */
    static Value functions(Value fireNext) {
        return fireNext.getMember("functions");
    }

    /** Drops every pending timer. */
    static void clear(Value fireNext) {
        fireNext.getMember("clear").executeVoid();
    }

    /**
     * Runs the promise jobs queued so far (GraalJS runs them when a top-level evaluation returns), then throws the
     * first rejection they left unhandled, if no {@code process.on('unhandledRejection')} listener took it.
     */
    static void runJobs(Context context) {
        context.eval(RUN_JOBS);
        JsProcess.raiseUnhandledRejection(context);
    }

    /** Whether {@code source} is one of the event loop's, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER) || source.equals(RUN_JOBS);
    }
}
