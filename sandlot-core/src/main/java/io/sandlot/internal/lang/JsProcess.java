package io.sandlot.internal.lang;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The part of node's {@code process} that scripts use without being servers: {@code process.stdout.write} and
 * {@code process.stderr.write} (output without a line break, the execution's own output under its limits),
 * {@code process.exit}, {@code process.argv} ({@code ['node', '/work/main.js']}, so {@code argv.slice(2)} is empty),
 * an empty {@code process.env}, {@code process.cwd()}, {@code process.platform}, {@code process.nextTick},
 * {@code process.hrtime} (and {@code hrtime.bigint}), {@code process.uptime} and {@code process.exitCode} (the
 * status of a script that runs to its end, and of {@code process.exit()} without a code). There is no
 * {@code process.versions.node}, so code that tells node by it (and would then {@code require} node's modules) does
 * not take the sandbox for node; events ({@code process.on}) are not there either.
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

    /** The polyglot binding (out of the guest's reach) that holds a context's {@link ExitStatus}. */
    private static final String EXIT_STATUS = "sandlot.exitStatus";

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (write, monotonicNanos, recordExit, recordExitCode, hasExitCode, exited, nodeErrors) {
              const bigint = BigInt, apply = Reflect.apply;
              const started = monotonicNanos();
              // node's argument errors (node-errors.js), made the first time one is thrown
              const invalidType = (name, expected, value) => nodeErrors().invalidArgType(name, expected, value);
              // after process.exit (exited() is true until the next execution), nothing the script still runs prints
              const stream = (fd) => {
                const writable = {
                  fd,
                  isTTY: false,
                  write(chunk, encoding, callback) {
                    if (typeof encoding === 'function') {
                      callback = encoding;
                    }
                    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
                      throw invalidType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView',
                          chunk);
                    }
                    if (!exited()) {
                      write(fd, typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
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
              function exit(code) {
                recordExit(exitStatus(code === undefined || code === null ? currentExitCode() : code));
                throw { name: 'ProcessExit', message: 'process.exit() was called' };
              }
              const process = {
                argv: ['node', '/work/main.js'],
                argv0: 'node',
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
            })
            """, "<sandlot-process>").buildLiteral();

    private JsProcess() {
    }

    /**
     * Defines {@code process} in a new context whose output streams are {@code out} and {@code err}, and which words
     * its argument errors with {@code errors} ({@link JsNodeModules#errors}).
     */
    static void install(Context context, OutputStream out, OutputStream err, Supplier<Value> errors) {
        ProxyExecutable write = arguments -> {
            if (arguments.length != 2 || !arguments[0].fitsInInt() || !arguments[1].isString()) {
                return null;
            }
            // Encoded a few kilobytes at a time, not the whole string at once: a long string costs the host no more
            // than a short one, and the output limit stops a long write early.
            Writer writer = new OutputStreamWriter(arguments[0].asInt() == 2 ? err : out, StandardCharsets.UTF_8);
            try {
                writer.write(arguments[1].asString());
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        };
        ExitStatus exit = new ExitStatus();
        ProxyExecutable recordExit = arguments -> {
            if (exit.status == null && arguments.length == 1 && arguments[0].fitsInInt()) {
                exit.status = arguments[0].asInt();   // the first exit is the one that counts
            }
            return null;
        };
        ProxyExecutable recordExitCode = arguments -> {
            if (arguments.length == 1 && (arguments[0].isNull() || arguments[0].fitsInInt())) {
                exit.code = arguments[0].isNull() ? null : arguments[0].asInt();
            }
            return null;
        };
        ProxyExecutable hasExitCode = arguments -> exit.code != null;
        ProxyExecutable exited = arguments -> exit.status != null;
        context.getPolyglotBindings().putMember(EXIT_STATUS, exit);
        context.eval(INSTALLER).executeVoid(write, JsWebGlobals.MONOTONIC_NANOS, recordExit, recordExitCode,
                hasExitCode, exited, (ProxyExecutable) arguments -> errors.get());
    }

    /**
     * Forgets an earlier execution's {@code process.exit} and {@code process.exitCode}: a session's context runs
     * many.
     */
    static void beginExecution(Context context) {
        ExitStatus exit = exitOf(context);
        if (exit != null) {
            exit.status = null;
            exit.code = null;
        }
    }

    /**
     * The code the current execution passed to {@code process.exit}, or, if it {@code completed} without calling it,
     * a nonzero {@code process.exitCode}; null if neither.
     */
    static Integer exitStatus(Context context, boolean completed) {
        ExitStatus exit = exitOf(context);
        if (exit == null) {
            return null;
        }
        return exit.status != null || !completed || exit.code == null || exit.code == 0 ? exit.status : exit.code;
    }

    private static ExitStatus exitOf(Context context) {
        try {
            Value exit = context.getPolyglotBindings().getMember(EXIT_STATUS);
            return exit != null && exit.isHostObject() ? exit.asHostObject() : null;
        } catch (IllegalStateException | PolyglotException e) {
            return null;   // the context was closed (cancelled, or ended by its runtime): no exit of the script's
        }
    }

    /** Whether {@code source} is the installer, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER);
    }

    /**
     * The exit code of a context's current execution. Set by {@code process.exit}, which then throws so that the
     * script stops; the code is read from here, not from what is thrown, because a throw in an async function
     * reaches the host as GraalJS's own unhandled-rejection error.
     */
    private static final class ExitStatus {
        volatile Integer status;
        /** {@code process.exitCode}, modulo 256; null while it is not set. */
        volatile Integer code;
    }
}
