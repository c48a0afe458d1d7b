package io.sandlot.internal.lang;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.fs.MemoryFileSystem;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Everything that differs between the guest languages, one implementation per {@link Language}, looked up with
 * {@link Dialects#of}: how a context is built and hardened, how values cross into and out of the guest, how its
 * errors read, how a formula compiles, and how its contexts are warmed. Callers never branch on the language.
 *
 * <p>Sealed, so its implementations sit in this package: a sealed type in an unnamed module can only permit
 * classes of its own package.
 */
public sealed interface Dialect permits JsDialect, PythonDialect {

    /** The guest's working directory, the root of what it may write. */
    String WORKING_DIRECTORY = "/work";

    /** The language it speaks for. */
    Language language();

    /** The name of the submitted code's source, as it appears in guest stack traces. */
    String sourceName();

    /** The GraalVM sandbox policy of this language's contexts. */
    SandboxPolicy sandboxPolicy();

    /** Context options that close doors the sandbox policy leaves open. */
    Map<String, String> options();

    /**
     * Where this language's contexts find their files; made once per context factory, on its first context of
     * this language.
     */
    Mount mount(Engines engines);

    /**
     * Runs hardening in a new, initialised context, before any guest code. {@code out} and {@code err} are the
     * context's own output streams (each execution's output, under its limits), for what the language writes
     * there other than through its own printing; {@code files} is the guest's file tree, the one the context's
     * file system serves, for a language whose file API the sandbox provides.
     */
    void harden(Context context, OutputStream out, OutputStream err, MemoryFileSystem files);

    /**
     * Installs file tracking in a new context, where the language needs it; returns the function that flushes
     * the guest's open files, or null.
     */
    Value trackFiles(Context context);

    /** A guest function from JSON text to a native guest value; take it before any guest code runs. */
    Value jsonParser(Context context);

    /** A guest function {@code (raw, name) -> fn} that turns a raw host proxy into a native-looking function. */
    Value hostFunctionWrapper(Context context);

    /** Whether {@code source} is one of this dialect's own helper sources, which the statement limit does not count. */
    boolean isInternal(Source source);

    /** A few lines exercising the common paths (collections, JSON, strings, regex) to warm caches and the JIT. */
    String warmUpScript();

    /**
     * Imports {@code modules} into a pooled context ahead of time.
     *
     * @throws IllegalArgumentException if there are modules and the language has none to import
     */
    void preload(Context context, List<String> modules);

    /**
     * Pooled contexts that keep executions run back to back (say, from a command line) from waiting for a new
     * one: more where a context is slow to make.
     */
    int backToBackPoolSize();

    /** The value of the last expression from what {@code eval} returned, or null if the code ends with no value. */
    Value lastValue(Value evaluated);

    /**
     * The same code as a module, for code that does not parse as a script (node runs such code as a module when it
     * parses as one: top-level {@code await}, {@code import}, {@code export}); null where the language has no such
     * second form.
     */
    default Source asModule(Source script) {
        return null;
    }

    /**
     * Runs before each execution's {@code code}, in its context: what the language keeps for a program that must
     * not pass to the next execution goes (JavaScript's timers that an earlier execution left pending, stopped by a
     * limit or by an error in a callback, as a new node process starts without them), and what the program may ask
     * about itself is set (Python's source lines of the request's code for tracebacks, the request's command-line
     * arguments, JavaScript's {@code os.totalmem()}: the execution's memory limit of {@code limits}). Does nothing by
     * default.
     */
    default void beginExecution(Context context, ExecutionRequest request, Limits limits) {
    }

    /**
     * A structured (list or map) JSON-like input as a native guest value.
     *
     * @param jsonParser the context's JSON parser, taken before guest code ran
     */
    Object structuredInput(Context context, Supplier<Value> jsonParser, Object value);

    /**
     * Whether {@code value}, which has members and is neither an array nor a hash, is data that converts to a map
     * (else it converts to its string form).
     */
    boolean isRecord(Value value);

    /** The type an error names itself by, or null to use its meta-object's name. */
    String errorName(Value guestObject);

    /**
     * The exit code the current execution ended with, where the language ends a script by a call rather than by an
     * exit of its runtime (node's {@code process.exit}); if the script {@code completed} (ran to its end without an
     * error), also the code it set for its end (node's {@code process.exitCode}); null if neither.
     */
    default Integer exitStatus(Context context, boolean completed) {
        return null;
    }

    /**
     * What the runtime's exit {@code e} (status not 0) leaves on stderr before the process would end, where the
     * runtime does not write it itself: Python's {@code raise SystemExit('fatal: ...')} prints its message, as
     * CPython does for an uncaught {@code SystemExit} whose code is not an int. Null if nothing.
     */
    default String exitMessage(PolyglotException e) {
        return null;
    }

    /**
     * Adds the frames of the error's own traceback to {@code stack}, innermost first, where the language has one
     * that is better than the polyglot frames; returns the line in the submitted code, or null.
     */
    Integer traceback(PolyglotException e, List<String> stack);

    /**
     * What the language links to a thrown error: the notes the guest added to it (Python's {@code add_note}) and
     * the errors it was raised from or while handling (Python's {@code __cause__} and {@code __context__},
     * JavaScript's {@code cause}), newest first, at most {@link GuestErrors#MAX_CAUSES}; {@link GuestErrors} caps
     * them. Reading them may run guest code (a {@code __str__}, a getter), under the execution's limits. None by
     * default.
     */
    default GuestErrors.Chain chain(Value guestObject) {
        return GuestErrors.Chain.NONE;
    }

    /**
     * The language-specific part of a formula.
     *
     * @throws IllegalArgumentException if the expression is rejected before compiling
     */
    FormulaCode formula(Limits limits, String expression, List<String> parameters);
}
