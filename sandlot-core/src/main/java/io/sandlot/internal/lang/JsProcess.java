package io.sandlot.internal.lang;

import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.internal.io.GuestUtf8;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The part of node's {@code process} that scripts use without being servers: {@code process.stdout.write} and
 * {@code process.stderr.write} (output without a line break, the execution's own output under its limits),
 * {@code process.exit}, {@code process.argv} ({@code ['node', '/work/main.js']}, then the request's arguments),
 * an empty {@code process.env}, {@code process.cwd()}, {@code process.platform}, {@code process.nextTick},
 * {@code process.hrtime} (and {@code hrtime.bigint}), {@code process.uptime} and {@code process.exitCode} (the
 * status of a script that runs to its end, and of {@code process.exit()} without a code), {@code process.arch},
 * {@code process.emitWarning}, an approximate {@code process.memoryUsage} and node's process events: {@code 'exit'}
 * ({@link #emitExit}, and at {@code process.exit}), {@code 'unhandledRejection'} ({@link #raiseUnhandledRejection})
 * and {@code 'uncaughtException'} for the event loop's callbacks ({@link #uncaught}). There is no
 * {@code process.versions.node}, so code that tells node by it (and would then {@code require} node's modules the
 * sandbox does not have) does not take the sandbox for node.
 *
 * <p>{@code process.exit(code)} ends the script as node's exit does (code 0: the execution succeeds; any other: it
 * fails with "exit status N", N the code modulo 256 as a process's parent would see it; a code that is not an
 * integer is refused with node's errors): it records the code for the host ({@link #exitStatus}) and throws, so
 * that the code after it does not run, and no timer fires after it ({@link JsTimers#runAll}). What it throws can
 * still reach a {@code catch} (node's exit cannot be caught: the idiom {@code main().catch(e => {
 * console.error(e); process.exit(1); })} sees it when {@code main} exits); from the first exit on, the console and
 * {@code process.stdout} print nothing and later exits change nothing, so the output and the status are node's.
 */
final class JsProcess {

    /** The polyglot binding (out of the guest's reach) that holds a context's {@link State}. */
    private static final String STATE = "sandlot.process";
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (write, monotonicNanos, recordExit, recordExitCode, hasExitCode, exited, beginExit, nodeErrors,
                       allocated, display) {
              const bigint = BigInt, apply = Reflect.apply, GuestError = Error;
              // a Buffer's, typed array's or DataView's bytes: its ArrayBuffer, offset and length, read with the
              // prototypes' own getters (whatever a script redefines)
              const isView = ArrayBuffer.isView, isDataView = (value) => value instanceof DataView;
              const getters = (prototype) => ['buffer', 'byteOffset', 'byteLength']
                  .map((name) => Object.getOwnPropertyDescriptor(prototype, name).get);
              const typedArrayGetters = getters(Object.getPrototypeOf(Uint8Array.prototype));
              const dataViewGetters = getters(DataView.prototype);
              const bytesOf = (view) => (isDataView(view) ? dataViewGetters : typedArrayGetters)
                  .map((get) => apply(get, view, []));
              // GraalJS's only way to see an unhandled rejection (js.unhandled-rejections=handler, JsDialect): the
              // Graal object goes before any guest code runs
              const setRejectionHandler = Graal.setUnhandledPromiseRejectionHandler;
              delete globalThis.Graal;
              const started = monotonicNanos();
              // node's argument errors (node-errors.js), made the first time one is thrown
              const invalidType = (name, expected, value) => nodeErrors().invalidArgType(name, expected, value);
              // after process.exit (exited() is true until the next execution), nothing the script still runs prints
              const stream = (fd) => {
                const writable = {
                  fd,
                  write(chunk, encoding, callback) {
                    if (typeof encoding === 'function') {
                      callback = encoding;
                    }
                    if (typeof chunk !== 'string' && !isView(chunk)) {
                      throw invalidType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView',
                          chunk);
                    }
                    if (!exited()) {
                      if (typeof chunk === 'string') {
                        write(fd, chunk);
                      } else {
                        write(fd, ...bytesOf(chunk));
                      }
                    }
                    if (typeof callback === 'function') {
                      queueMicrotask(() => callback(null));
                    }
                    return true;
                  },
                  end(chunk, encoding, callback) {
                    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
                      writable.write(chunk, encoding);
                    }
                    const done = [chunk, encoding, callback].find((f) => typeof f === 'function');
                    if (done) {
                      queueMicrotask(() => done());
                    }
                    return writable;
                  },
                };
                return writable;
              };
              function hrtime(previous) {
                const now = bigint(monotonicNanos());
                let seconds = Number(now / 1000000000n), nanos = Number(now % 1000000000n);
                if (previous !== undefined) {
                  if (!Array.isArray(previous)) {
                    throw invalidType('time', 'an instance of Array', previous);
                  }
                  seconds -= previous[0];
                  nanos -= previous[1];
                  if (nanos < 0) {
                    seconds -= 1;
                    nanos += 1e9;
                  }
                }
                return [seconds, nanos];
              }
              hrtime.bigint = () => bigint(monotonicNanos());
              // An exit code as node takes one (a number or a string of digits, an integer), as a process's parent
              // sees it (modulo 256); 0 for none.
              const exitStatus = (code) => {
                if (code === undefined || code === null) {
                  return 0;
                }
                const status = typeof code === 'string' && /^\\s*-?\\d+\\s*$/.test(code) ? Number(code) : code;
                if (typeof status !== 'number') {
                  throw invalidType('code', 'of type number', code);
                }
                if (!Number.isInteger(status)) {
                  throw nodeErrors().outOfRange('code', 'an integer', status);
                }
                return ((status % 256) + 256) % 256;
              };
              let exitCode;
              const currentExitCode = () => (hasExitCode() ? exitCode : undefined);   // each execution starts without
              // node's process events, as an EventEmitter keeps them: listeners by event, in order, once or not
              const events = new Map();
              const listenersOf = (event) => events.get(event) ?? [];
              const addListener = (event, listener, once, prepend) => {
                if (typeof listener !== 'function') {
                  throw invalidType('listener', 'of type function', listener);
                }
                const list = [...listenersOf(event)];
                list[prepend ? 'unshift' : 'push']({ listener, once });
                events.set(event, list);
                return process;
              };
              function removeListener(event, listener) {
                const list = listenersOf(event);
                const at = list.findLastIndex((entry) => entry.listener === listener);
                if (at >= 0) {
                  events.set(event, list.toSpliced(at, 1));
                }
                return process;
              }
              function emit(event, ...args) {
                const list = listenersOf(event);
                for (const entry of list) {
                  if (entry.once) {
                    removeListener(event, entry.listener);
                  }
                  apply(entry.listener, process, args);
                }
                return list.length > 0;
              }
              // 'exit' runs once an execution: when the loop is done (the host calls it), or at process.exit
              const emitExit = () => {
                if (beginExit()) {
                  emit('exit', currentExitCode() || 0);
                }
              };
              function exit(code) {
                if (code !== undefined && code !== null) {
                  process.exitCode = code;
                }
                emitExit();
                recordExit(exitStatus(currentExitCode()));
                throw { name: 'ProcessExit', message: 'process.exit() was called' };
              }
              // An unhandled rejection goes to the 'unhandledRejection' listeners, else to the 'uncaughtException'
              // ones, else it is kept for the host to throw when the jobs have run (raiseRejection): the first one,
              // as node fails on the first. What process.exit throws (the rejection of an async function that
              // exits) is no listener's business: the host ends the execution with the exit's code.
              let rejection = null;
              setRejectionHandler((reason, promise) => {
                if ((exited() || (!emit('unhandledRejection', reason, promise)
                    && !emit('uncaughtException', reason, 'unhandledRejection'))) && rejection === null) {
                  rejection = { reason };
                }
              });
              const raiseRejection = () => {
                if (rejection !== null) {
                  const { reason } = rejection;
                  rejection = null;
                  // worded as GraalJS's js.unhandled-rejections=throw words a reason that is not an error
                  throw reason instanceof GuestError ? reason
                      : new GuestError(`Unhandled promise rejection: ${display(reason)}`);
                }
              };
              const uncaught = (error) => !exited() && emit('uncaughtException', error, 'uncaughtException');
              let warned = false;
              function emitWarning(warning, type, code) {
                let detail;
                if (type !== null && typeof type === 'object') {
                  ({ type, code, detail } = type);
                }
                if (typeof warning === 'string') {
                  warning = new GuestError(warning);
                  warning.name = String(type || 'Warning');
                  if (code !== undefined) {
                    warning.code = code;
                  }
                  if (detail !== undefined) {
                    warning.detail = detail;
                  }
                } else if (!(warning instanceof GuestError)) {
                  throw invalidType('warning', 'of type string or an instance of Error', warning);
                }
                // as node's, on the next tick: 'warning' listeners, and the line on stderr
                process.nextTick(() => {
                  emit('warning', warning);
                  let text = `(node:${process.pid}) ${warning.code ? `[${warning.code}] ` : ''}${warning.name}: `
                      + `${warning.message}\\n`;
                  if (typeof warning.detail === 'string') {
                    text += `${warning.detail}\\n`;
                  }
                  if (!warned) {
                    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
                    text += `(Use \\`node ${flag} ...\\` to show where the warning was created)\\n`;
                    warned = true;
                  }
                  process.stderr.write(text);
                });
              }
              // Approximate, as the sandbox does not measure what one guest holds cheaply: the heap is what the
              // script has allocated since it started (more than it holds, until a collection) over a baseline of
              // what node reports at its start.
              const MB = 1024 * 1024;
              function memoryUsage() {
                const heapUsed = 4 * MB + allocated();
                const heapTotal = Math.ceil((heapUsed + MB) / MB) * MB;
                return { rss: heapTotal + 40 * MB, heapTotal, heapUsed, external: MB, arrayBuffers: 16 * 1024 };
              }
              memoryUsage.rss = () => memoryUsage().rss;
              const process = {
                argv: ['node', '/work/main.js'],
                argv0: 'node',
                arch: 'x64',
                execArgv: [],
                env: {},
                pid: 1,
                platform: 'linux',
                title: 'node',
                stdout: stream(1),
                stderr: stream(2),
                cwd: () => '/work',
                exit,
                hrtime,
                memoryUsage,
                emitWarning,
                on: (event, listener) => addListener(event, listener, false, false),
                addListener: (event, listener) => addListener(event, listener, false, false),
                once: (event, listener) => addListener(event, listener, true, false),
                prependListener: (event, listener) => addListener(event, listener, false, true),
                prependOnceListener: (event, listener) => addListener(event, listener, true, true),
                off: removeListener,
                removeListener,
                removeAllListeners(event) {
                  if (event === undefined) {
                    events.clear();
                  } else {
                    events.delete(event);
                  }
                  return process;
                },
                emit,
                listeners: (event) => listenersOf(event).map((entry) => entry.listener),
                listenerCount: (event) => listenersOf(event).length,
                eventNames: () => [...events.keys()].filter((event) => listenersOf(event).length > 0),
                nextTick(callback, ...args) {
                  if (typeof callback !== 'function') {
                    throw invalidType('callback', 'of type function', callback);
                  }
                  queueMicrotask(() => callback(...args));
                },
                uptime: () => (monotonicNanos() - started) / 1e9,
              };
              Object.defineProperty(process, 'exitCode', {
                get: currentExitCode,
                set(code) {
                  recordExitCode(code === undefined || code === null ? null : exitStatus(code));
                  exitCode = code;
                },
                enumerable: true,
                configurable: true,
              });
              Object.defineProperty(globalThis, 'process', { value: process, writable: true, configurable: true });
              for (const [name, method] of Object.entries(console)) {
                if (typeof method === 'function') {
                  const quiet = {
                    [name](...args) {
                      return exited() ? undefined : apply(method, console, args);
                    },
                  }[name];
                  Object.defineProperty(console, name, { value: quiet, writable: true, enumerable: true,
                                                         configurable: true });
                }
              }
              // for the modules (events' warnings, os' figures): the sandbox's own, whatever the script does to process
              const setArguments = (...args) => { process.argv = ['node', '/work/main.js', ...args]; };
              return { emitExit, raiseRejection, uncaught, emitWarning, memoryUsage, uptime: process.uptime,
                       setArguments, stdout: process.stdout, stderr: process.stderr };
            })
            """, "<sandlot-process>").buildLiteral();

    private JsProcess() {
    }

    /**
     * The {@code size} bytes from {@code start} of an ArrayBuffer (a Buffer's or typed array's) as they are, as node
     * writes them (a character split between two writes comes out whole); 64 KiB at a time, so that the output
     * limit stops a long write early.
     */
    private static void writeBytes(OutputStream stream, Value buffer, long start, long size) throws IOException {
        byte[] chunk = new byte[(int) Math.min(size, 1 << 16)];
        for (long done = 0; done < size; done += chunk.length) {
            int length = (int) Math.min(chunk.length, size - done);
            buffer.readBuffer(start + done, chunk, 0, length);
            stream.write(chunk, 0, length);
        }
    }

    /**
     * Defines {@code process} in a new context whose output streams are {@code out} and {@code err}, and which words
     * its argument errors with {@code errors} ({@link JsNodeModules#errors}).
     */
    static void install(Context context, OutputStream out, OutputStream err, Supplier<Value> errors) {
        // write(fd, string) or write(fd, arrayBuffer, byteOffset, byteLength)
        ProxyExecutable write = arguments -> {
            if (arguments.length < 2 || !arguments[0].fitsInInt()) {
                return null;
            }
            OutputStream stream = arguments[0].asInt() == 2 ? err : out;
            try {
                if (arguments[1].isString()) {
                    GuestUtf8.write(stream, arguments[1].asString());
                } else if (arguments.length == 4 && arguments[1].hasBufferElements() && arguments[2].fitsInLong()
                        && arguments[3].fitsInLong()) {
                    writeBytes(stream, arguments[1], arguments[2].asLong(), arguments[3].asLong());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        };
        State state = new State();
        ProxyExecutable recordExit = arguments -> {
            if (state.status == null && arguments.length == 1 && arguments[0].fitsInInt()) {
                state.status = arguments[0].asInt();   // the first exit is the one that counts
            }
            return null;
        };
        ProxyExecutable recordExitCode = arguments -> {
            if (arguments.length == 1 && (arguments[0].isNull() || arguments[0].fitsInInt())) {
                state.code = arguments[0].isNull() ? null : arguments[0].asInt();
            }
            return null;
        };
        ProxyExecutable hasExitCode = arguments -> state.code != null;
        ProxyExecutable exited = arguments -> state.status != null;
        ProxyExecutable beginExit = arguments -> {
            boolean first = !state.exiting;
            state.exiting = true;
            return first;
        };
        ProxyExecutable allocated = arguments -> Math.max(0, allocatedBytes() - state.allocatedAtStart);
        // GraalJS's display string of a value, as its unhandled-rejection error shows a reason ({a: 1})
        ProxyExecutable display = arguments -> arguments[0].isString() ? arguments[0].asString()
                : arguments[0].toString();
        context.getPolyglotBindings().putMember(STATE, state);
        state.hooks = context.eval(INSTALLER).execute(write, JsWebGlobals.MONOTONIC_NANOS, recordExit, recordExitCode,
                hasExitCode, exited, beginExit, (ProxyExecutable) arguments -> errors.get(), allocated, display);
    }

    /**
     * Forgets an earlier execution's {@code process.exit}, {@code process.exitCode} and {@code 'exit'} event: a
     * session's context runs many. A script given {@code arguments} gets them in {@code process.argv}, after node's
     * name and the script's. Runs on the thread that runs the execution.
     */
    static void beginExecution(Context context, List<String> arguments, Limits limits) {
        State state = stateOf(context);
        if (state != null) {
            state.status = null;
            state.code = null;
            state.exiting = false;
            state.allocatedAtStart = allocatedBytes();
            state.memoryLimitBytes = limits.effectiveMemoryMb() << 20;
            if (!arguments.isEmpty()) {
                state.hooks.invokeMember("setArguments", arguments.toArray());
            }
        }
    }

    /**
     * What node's modules take from the context's process, out of the guest's reach: {@code emitWarning},
     * {@code memoryUsage}, {@code uptime}, and {@code memoryLimit} (the current execution's memory limit in bytes,
     * or its default where it is off).
     */
    static Value hooks(Context context) {
        State state = stateOf(context);
        return state.hooks;
    }

    /** The function of no arguments that gives the current execution's memory limit in bytes. */
    static ProxyExecutable memoryLimit(Context context) {
        State state = stateOf(context);
        return arguments -> state.memoryLimitBytes;
    }

    /**
     * Calls the {@code process.on('exit')} listeners, with the exit code, unless {@code process.exit} has called
     * them: node does when its loop has nothing left to do.
     */
    static void emitExit(Context context) {
        hook(context, "emitExit");
    }

    /**
     * Throws the first promise rejection that was left unhandled since the last call, unless a
     * {@code process.on('unhandledRejection')} (or {@code 'uncaughtException'}) listener took it: without one, node
     * fails with it.
     */
    static void raiseUnhandledRejection(Context context) {
        hook(context, "raiseRejection");
    }

    /**
     * The function that hands an error thrown by a callback of the event loop to the
     * {@code process.on('uncaughtException')} listeners, and says whether there was one.
     */
    static Value uncaught(Context context) {
        return stateOf(context).hooks.getMember("uncaught");
    }

    private static void hook(Context context, String name) {
        State state = stateOf(context);
        if (state != null) {
            state.hooks.invokeMember(name);
        }
    }

    /**
     * The code the current execution passed to {@code process.exit}, or, if it {@code completed} without calling it,
     * a nonzero {@code process.exitCode}; null if neither.
     */
    static Integer exitStatus(Context context, boolean completed) {
        State state = stateOf(context);
        if (state == null) {
            return null;
        }
        return state.status != null || !completed || state.code == null || state.code == 0 ? state.status : state.code;
    }

    private static State stateOf(Context context) {
        try {
            Value state = context.getPolyglotBindings().getMember(STATE);
            return state != null && state.isHostObject() ? state.asHostObject() : null;
        } catch (IllegalStateException | PolyglotException e) {
            return null;   // the context was closed (cancelled, or ended by its runtime): no exit of the script's
        }
    }

    /** The bytes the current thread has allocated so far, the measure of {@code process.memoryUsage()}. */
    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Whether {@code source} is the installer, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER);
    }

    /**
     * A context's process, out of the guest's reach. The exit code of its current execution is set by
     * {@code process.exit}, which then throws so that the script stops; the code is read from here, not from what
     * is thrown, because a throw in an async function reaches the host as an unhandled rejection.
     */
    private static final class State {
        volatile Integer status;
        /** {@code process.exitCode}, modulo 256; null while it is not set. */
        volatile Integer code;
        /** Whether the current execution has called the {@code 'exit'} listeners. */
        volatile boolean exiting;
        /** The current execution's memory limit, for {@code os.totalmem()}. */
        volatile long memoryLimitBytes = Limit.MAX_MEMORY_MB.defaultValue() << 20;
        /** What the thread of the current execution had allocated when it began. */
        volatile long allocatedAtStart;
        /** The installer's functions for the host: {@code emitExit}, {@code raiseRejection}, {@code uncaught}. */
        Value hooks;
    }
}
