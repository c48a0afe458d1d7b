package io.sandlot.internal.lang;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@code setTimeout}, {@code setInterval}, {@code setImmediate}, their {@code clear*} functions and
 * {@code queueMicrotask}, which GraalJS does not have and node programs use (a promise around {@code setTimeout} is
 * how they wait). A guest has no event loop of its own, so the script's is run by the host when the script's code
 * has returned: the timers fire one by one in node's order (by due time, then as they were set), and the promise
 * jobs a callback queues run before the next timer fires, as in node.
 *
 * <p>Time is virtual: a timer fires as soon as the ones before it have, without waiting its delay, and
 * {@code Date.now()} does not jump. A sandbox has nothing to wait for, and waiting would only hold an execution slot;
 * a program that sets intervals forever runs until a limit stops it, as under node.
 */
final class JsTimers {

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function () {
              const timers = new Map();
              let nextId = 1, now = 0, sequence = 0;
              const GuestTypeError = TypeError;
              const CALLBACK = 'The "callback" argument must be of type function. Received ';
              const add = (callback, delay, args, repeat) => {
                if (typeof callback !== 'function') {
                  throw new GuestTypeError(CALLBACK + typeof callback);
                }
                const ms = Math.max(1, Number(delay) || 0);
                const id = nextId++;
                timers.set(id, { callback, args, due: now + ms, order: sequence++, repeat: repeat ? ms : 0 });
                return id;
              };
              const clear = (id) => { timers.delete(typeof id === 'object' && id !== null ? id.id : id); };
              const define = (name, fn) => Object.defineProperty(globalThis, name,
                { value: fn, writable: true, configurable: true, enumerable: false });
              define('setTimeout', function setTimeout(callback, delay, ...args) {
                return add(callback, delay, args, false);
              });
              define('setInterval', function setInterval(callback, delay, ...args) {
                return add(callback, delay, args, true);
              });
              define('setImmediate', function setImmediate(callback, ...args) {
                return add(callback, 0, args, false);
              });
              // what util.promisify makes of them, as node's: timers/promises' setTimeout(delay, value) and
              // setImmediate(value), promises of value
              const promisified = Symbol.for('nodejs.util.promisify.custom');
              Object.defineProperty(globalThis.setTimeout, promisified, {
                value: function setTimeout(delay, value) {
                  return new Promise((resolve) => add(resolve, delay, [value], false));
                },
                writable: true, configurable: true, enumerable: false,
              });
              Object.defineProperty(globalThis.setImmediate, promisified, {
                value: function setImmediate(value) {
                  return new Promise((resolve) => add(resolve, 0, [value], false));
                },
                writable: true, configurable: true, enumerable: false,
              });
              define('clearTimeout', function clearTimeout(id) { clear(id); });
              define('clearInterval', function clearInterval(id) { clear(id); });
              define('clearImmediate', function clearImmediate(id) { clear(id); });
              define('queueMicrotask', function queueMicrotask(callback) {
                if (typeof callback !== 'function') {
                  throw new GuestTypeError(CALLBACK + typeof callback);
                }
                Promise.resolve().then(() => callback());
              });
              // fires the next timer; false when none is left
              const fireNext = function fireNext() {
                let id = null, next = null;
                for (const [key, timer] of timers) {
                  if (next === null || timer.due < next.due || (timer.due === next.due && timer.order < next.order)) {
                    id = key;
                    next = timer;
                  }
                }
                if (next === null) {
                  return false;
                }
                now = next.due;
                if (next.repeat) {
                  next.due = now + next.repeat;
                  next.order = sequence++;
                } else {
                  timers.delete(id);
                }
                next.callback(...next.args);
                return true;
              };
              fireNext.clear = () => { timers.clear(); };
              return fireNext;
            })
            """, "<sandlot-timers>").buildLiteral();

    /** An evaluation that does nothing: when it returns, the jobs queued before it have run. */
    private static final Source RUN_JOBS = Source.newBuilder("js", "undefined", "<sandlot-jobs>").buildLiteral();

    private JsTimers() {
    }

    /** Defines the timer functions in a new context; returns what {@link #runAll} takes. */
    static Value install(Context context) {
        return context.eval(INSTALLER).execute();
    }

    /**
     * Fires the context's timers until none is left, running after each one the promise jobs it queued (which may
     * set more timers). A callback that throws ends the run with its error, as an uncaught error ends node's; so
     * does {@code process.exit} ({@link JsProcess}).
     */
    static void runAll(Context context, Value fireNext) {
        while (JsProcess.exitStatus(context, false) == null && fireNext.execute().asBoolean()) {
            runJobs(context);
        }
    }

    /** Drops every pending timer. */
    static void clear(Value fireNext) {
        fireNext.getMember("clear").executeVoid();
    }

    /** Runs the promise jobs queued so far: GraalJS runs them when a top-level evaluation returns. */
    static void runJobs(Context context) {
        context.eval(RUN_JOBS);
    }

    /** Whether {@code source} is one of the event loop's, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER) || source.equals(RUN_JOBS);
    }
}
