package io.sandlot.internal.lang;

import io.sandlot.internal.fs.MemoryFileSystem;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The node modules a JS guest may {@code require} ({@link JsLibraries#install}): {@code buffer} (also the global
 * {@code Buffer}), {@code path}, {@code fs} ({@link JsFiles}), {@code util}, {@code assert} and {@code crypto}
 * (hashes, HMAC and PBKDF2 of {@link GuestDigests}, random values of {@link JsWebGlobals}). Each is guest code
 * made in the guest's context on its first use, so it runs under the guest's limits (a {@code Buffer} is a
 * {@code Uint8Array} of the guest's heap) and a context that does not use it pays nothing. {@code buffer} and
 * {@code path} are npm's browser ports of node's modules (fetched by {@code src/build/fetch-js}) with what they lack
 * of node's added by our own {@code node-buffer.js} and {@code node-path.js}; {@code util} ({@code node-util.js})
 * and {@code assert} ({@code node-assert.js}) are our own, {@code util.inspect} and {@code util.format} being node's,
 * the ones the console prints with ({@link JsConsole}), and so is {@code crypto} ({@code node-crypto.js}). All but
 * {@code fs} and {@code crypto} ask nothing of the host. {@code events} ({@code node-events.js}), {@code os}
 * ({@code node-os.js}: the sandbox's machine, not the host's) and {@code timers} with {@code timers/promises}
 * ({@code node-timers.js}, over {@link JsTimers}' functions) are our own too.
 */
final class JsNodeModules {

    /** npm's buffer with base64-js and ieee754, bundled by fetch-js: evaluates to the package's exports. */
    private static final Source BUFFER_PACKAGE = JsLibraries.umd("js/buffer.js", "buffer.js", "");
    /** A function of the package's exports that returns node's buffer. */
    private static final Source BUFFER = JsLibraries.script("node-buffer.js", "node:buffer");
    /**
     * path-browserify, node's posix path: it reads only {@code process.cwd()}, the guest's working directory, which
     * {@code fs} resolves relative names against (a script that replaces the global {@code process} changes neither).
     */
    private static final Source PATH_PACKAGE = JsLibraries.umd("js/path.js", "path.js",
            "const process = { cwd: () => '" + Dialect.WORKING_DIRECTORY + "' };\n");
    /** A function of the package's exports that returns node's path. */
    private static final Source PATH = JsLibraries.script("node-path.js", "node:path");
    /** Node's argument errors ({@code ERR_INVALID_ARG_TYPE} and the like), which every module words as node's. */
    private static final Source ERRORS = JsLibraries.script("node-errors.js", "node:internal/errors");
    /** A function of the console's inspector that returns {@code {util, deepEqual}}. */
    private static final Source UTIL = JsLibraries.script("node-util.js", "node:util");
    /** A function of util and its deep equality that returns node's assert. */
    private static final Source ASSERT = JsLibraries.script("node-assert.js", "node:assert");
    /** A function of the host's hash calls, the Buffer class and the web crypto that returns node's crypto. */
    private static final Source CRYPTO = JsLibraries.script("node-crypto.js", "node:crypto");
    /** A function of the errors, util.inspect and process.emitWarning that returns node's EventEmitter. */
    private static final Source EVENTS = JsLibraries.script("node-events.js", "node:events");
    /** A function of the errors, the process's functions and the memory limit that returns node's os. */
    private static final Source OS = JsLibraries.script("node-os.js", "node:os");
    /** A function of the timer functions and the errors that returns node's timers and timers/promises. */
    private static final Source TIMERS = JsLibraries.script("node-timers.js", "node:timers");

    private JsNodeModules() {
    }

    /** Node's argument errors for {@code context}, made the first time they are asked for, then the same. */
    static Supplier<Value> errors(Context context) {
        return new Once(() -> context.eval(ERRORS).execute());
    }

    /**
     * The modules by name, for {@code context}, whose {@code fs} works on {@code files}, whose console loads
     * node's inspect through {@code inspector}, whose {@code crypto} draws random values from {@code webCrypto}
     * ({@link JsWebGlobals#install}) and which word their argument errors with {@code errors} ({@link #errors}).
     */
    static Map<String, Supplier<Value>> of(Context context, MemoryFileSystem files, Value inspector, Value webCrypto,
                                           Supplier<Value> errors, Value process, ProxyExecutable memoryLimit,
                                           Value timerFunctions) {
        Supplier<Value> buffer = new Once(() -> context.eval(BUFFER).execute(context.eval(BUFFER_PACKAGE),
                errors.get()));
        ProxyExecutable bufferClass = arguments -> buffer.get().getMember("Buffer");
        Supplier<Value> util = new Once(() -> context.eval(UTIL).execute(inspector, errors.get()));
        ProxyExecutable inspect = arguments -> util.get().getMember("util").getMember("inspect");
        Supplier<Value> timers = new Once(() -> context.eval(TIMERS).execute(timerFunctions, errors.get()));
        return Map.of(
                "buffer", buffer,
                "path", () -> context.eval(PATH).execute(context.eval(PATH_PACKAGE), errors.get()),
                "fs", () -> JsFiles.module(context, files, buffer, errors.get()),
                "util", () -> util.get().getMember("util"),
                "assert", () -> context.eval(ASSERT).execute(util.get().getMember("util"),
                        util.get().getMember("deepEqual"), errors.get()),
                "crypto", () -> context.eval(CRYPTO).execute(GuestDigests.NODE, bufferClass, webCrypto, errors.get(),
                        GuestDigests.MAX_PIECE, GuestDigests.MAX_SHAKE_LENGTH),
                "events", () -> context.eval(EVENTS).execute(errors.get(), inspect, process.getMember("emitWarning")),
                "os", () -> context.eval(OS).execute(errors.get(), process, memoryLimit),
                "timers", () -> timers.get().getMember("timers"),
                "timers/promises", () -> timers.get().getMember("promises"));
    }

    /**
     * A module made once per context: {@code fs} makes the {@code Buffer}s it reads with the context's one class,
     * whether or not the guest has required {@code buffer} first, {@code assert} shares {@code util}, and all share
     * the errors ({@code require} asks for each module only once).
     */
    private static final class Once implements Supplier<Value> {
        private final Supplier<Value> make;
        private Value value;

        Once(Supplier<Value> make) {
            this.make = make;
        }

        @Override
        public Value get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
