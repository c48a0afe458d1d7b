package io.sandlot.internal.lang;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.wire.Json;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;

/** JavaScript, run by GraalJS under {@link SandboxPolicy#CONSTRAINED}. */
final class JsDialect implements Dialect {

    /**
     * Doors GraalJS leaves open under CONSTRAINED: load() of inline scripts; and TextEncoder/TextDecoder, pure
     * functions that arquero needs. As in node: a promise rejected with no handler when the script's jobs have run
     * goes to the handler that {@link JsProcess} takes from the Graal object (and deletes that before guest code
     * runs), which gives it to {@code process.on('unhandledRejection')} listeners or makes it the script's error
     * (GraalJS would say nothing, and the run would look successful); and the default locale is en-US whatever the
     * host's is.
     */
    private static final Map<String, String> OPTIONS = Map.of("js.load", "false", "js.graal-builtin", "true",
            "js.text-encoding", "true", "js.unhandled-rejections", "handler", "js.locale", "en-US");
    /** A frame of an error's stack text: {@code "    at load (main.js:3:11)"}, or {@code "    at main.js:5:1"}. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+at (?:(.+?) \\()?(.+?):(\\d+):\\d+\\)?");
    /** The polyglot binding that holds a context's {@link JsTimers}. */
    private static final String TIMERS = "sandlot.timers";
    /** Calls back when a promise settles, into an object that says how. */
    private static final Source SETTLE = Source.newBuilder("js", """
            (function (promise) {
              const state = { state: 'pending', value: undefined };
              promise.then((value) => { state.state = 'fulfilled'; state.value = value; },
                           (error) => { state.state = 'rejected'; state.value = error; });
              return state;
            })
            """, "<sandlot-settle>").buildLiteral();
    private static final Source RETHROW = Source.newBuilder("js", "(function (state) { throw state.value; })",
            "<sandlot-rethrow>").buildLiteral();
    private static final Source PARSER = Source.newBuilder("js", "JSON.parse", "<sandlot-json>").buildLiteral();
    private static final Source HOST_FUNCTION_WRAPPER = Source.newBuilder("js", """
            (function (raw, name) {
              const parse = JSON.parse, GuestError = Error;
              const fn = function (...args) {
                const r = parse(raw(...args));
                if (r.ok) { return r.value; }
                throw new GuestError(r.error);
              };
              Object.defineProperty(fn, 'name', { value: name });
              return Object.freeze(fn);
            })
            """, "<sandlot-host>").buildLiteral();
    private static final String WARM_UP = """
            const rows = Array.from({length: 200}, (_, i) => ({id: i, name: 'n' + i, v: i * 1.5}));
            const total = rows.filter(r => r.id % 3).map(r => r.v).reduce((a, b) => a + b, 0);
            JSON.parse(JSON.stringify(rows)).length + total + /n(\\d+)/.exec('n42')[1].length;
            """;
    private static final Mount GUEST_FILES_ONLY = new Mount() {
        @Override
        public FileSystem fileSystem(MemoryFileSystem files) {
            return new JsModuleFiles(files.guestFileSystem());
        }

        @Override
        public Map<String, String> options() {
            return Map.of();
        }
    };

    @Override
    public Language language() {
        return Language.JS;
    }

    @Override
    public String sourceName() {
        return "main.js";
    }

    @Override
    public SandboxPolicy sandboxPolicy() {
        return SandboxPolicy.CONSTRAINED;
    }

    @Override
    public Map<String, String> options() {
        return OPTIONS;
    }

    @Override
    public Mount mount(Engines engines) {
        return GUEST_FILES_ONLY;
    }

    /**
     * CONSTRAINED and the options close every door; what is added is {@code require} for the vetted libraries,
     * node's {@code buffer}, {@code path}, {@code fs} over the guest's own files, {@code util}, {@code assert} and
     * {@code crypto} ({@link JsNodeModules}) and the guest's own module files, a console that prints as node's,
     * node's timers,
     * the web globals of {@link JsWebGlobals} and the script's own {@code process} ({@link JsProcess}).
     */
    @Override
    public void harden(Context context, OutputStream out, OutputStream err, MemoryFileSystem files) {
        Value inspector = JsConsole.install(context);
        Supplier<Value> errors = JsNodeModules.errors(context);
        Value webCrypto = JsWebGlobals.install(context);
        JsProcess.install(context, out, err, errors);
        JsConsole.printThrough(context, JsProcess.hooks(context));
        Value timers = JsTimers.install(context, JsProcess.uncaught(context));
        // out of the guest's reach: its polyglot access is NONE
        context.getPolyglotBindings().putMember(TIMERS, timers);
        JsLibraries.install(context, JsNodeModules.of(context, files, inspector, webCrypto, errors,
                JsProcess.hooks(context), JsProcess.memoryLimit(context), JsTimers.functions(timers)),
                JsFiles.hostCalls(files));
    }

    @Override
    public Value trackFiles(Context context) {
        return null;
    }

    @Override
    public Value jsonParser(Context context) {
        return context.eval(PARSER);
    }

    @Override
    public Value hostFunctionWrapper(Context context) {
        return context.eval(HOST_FUNCTION_WRAPPER);
    }

    @Override
    public boolean isInternal(Source source) {
        return source.equals(PARSER) || source.equals(HOST_FUNCTION_WRAPPER) || JsLibraries.isInstaller(source)
                || JsConsole.isInternal(source) || source.equals(SETTLE) || source.equals(RETHROW)
                || JsTimers.isInternal(source) || JsWebGlobals.isInternal(source)
                || JsProcess.isInternal(source);
    }

    @Override
    public String warmUpScript() {
        return WARM_UP;
    }

    @Override
    public void preload(Context context, List<String> modules) {
        if (!modules.isEmpty()) {
            throw new IllegalArgumentException("JavaScript has no modules to preload: " + modules);
        }
    }

    @Override
    public int backToBackPoolSize() {
        return 2;
    }

    /**
     * Drops the timers an earlier execution of this context left pending (see {@link JsTimers#clear}), and its
     * {@code process.exit}; gives a script its arguments in {@code process.argv}.
     */
    @Override
    public void beginExecution(Context context, ExecutionRequest request, Limits limits) {
        Value timers = context.getPolyglotBindings().getMember(TIMERS);
        if (timers != null) {
            JsTimers.clear(timers);
        }
        JsProcess.beginExecution(context, request.arguments(), limits);
    }

    @Override
    public Source asModule(Source script) {
        return Source.newBuilder("js", script.getCharacters(), script.getName())
                .mimeType("application/javascript+module").buildLiteral();
    }

    /**
     * The script's value, once the timers it set have fired (see {@link JsTimers}); a promise (a script ending in
     * {@code main()} of an async function, say) is its settled value once the jobs the script queued have run, and
     * a rejected one throws its reason, as an error of the script. A promise still pending then (nothing in the
     * sandbox can settle it later) stays the value. Last, as node's loop ends, the {@code process.on('exit')}
     * listeners run.
     */
    @Override
    public Value lastValue(Value evaluated) {
        Context context = evaluated.getContext();
        Value timers = context.getPolyglotBindings().getMember(TIMERS);
        if (timers != null) {
            JsTimers.runAll(context, timers);
        }
        Value value = settled(context, evaluated);
        JsProcess.emitExit(context);
        return value;
    }

    private static Value settled(Context context, Value evaluated) {
        Value meta = evaluated.getMetaObject();
        if (meta == null || !"Promise".equals(meta.getMetaSimpleName()) || evaluated.isHostObject()) {
            return evaluated;
        }
        Value state = context.eval(SETTLE).execute(evaluated);
        JsTimers.runJobs(context);
        return switch (state.getMember("state").asString()) {
            case "fulfilled" -> state.getMember("value");
            case "rejected" -> context.eval(RETHROW).execute(state);   // throws the reason
            default -> evaluated;
        };
    }

    @Override
    public Object structuredInput(Context context, Supplier<Value> jsonParser, Object value) {
        return jsonParser.get().execute(Json.write(value));
    }

    /** A JS object that is data: not a function, not a host or foreign object, not a promise or other exotic type. */
    @Override
    public boolean isRecord(Value v) {
        if (!v.hasMembers() || v.canExecute() || v.canInstantiate() || v.isHostObject() || v.isProxyObject()) {
            return false;
        }
        Value meta = v.getMetaObject();
        String type = meta == null ? "Object" : meta.getMetaSimpleName();
        return !"Promise".equals(type) && !"Symbol".equals(type) && !"Error".equals(type) && !type.endsWith("Error");
    }

    /** A JS error names itself. */
    @Override
    public String errorName(Value guestObject) {
        Value name = guestObject.hasMember("name") ? guestObject.getMember("name") : null;
        return name != null && name.isString() ? name.asString() : null;
    }

    @Override
    public Integer exitStatus(Context context, boolean completed) {
        return JsProcess.exitStatus(context, completed);
    }

    /**
     * The error's {@code cause} ({@code new Error(message, {cause})}), and that one's, as node prints them under
     * {@code [cause]}: an error by its name, message and stack; anything else (a string, a record) by its display
     * form. A cause that is null or undefined, or that was seen before in the chain, ends it.
     */
    @Override
    public GuestErrors.Chain chain(Value thrown) {
        List<Value> seen = new ArrayList<>(List.of(thrown));
        List<GuestErrors.Link> causes = new ArrayList<>();
        Value current = thrown;
        while (causes.size() < GuestErrors.MAX_CAUSES && current.hasMembers() && current.hasMember("cause")) {
            Value cause = current.getMember("cause");
            if (cause == null || cause.isNull() || seen.stream().anyMatch(cause::equals)) {
                break;
            }
            seen.add(cause);
            causes.add(link(cause));
            current = cause;
        }
        return new GuestErrors.Chain(List.of(), causes);
    }

    private GuestErrors.Link link(Value cause) {
        if (!cause.isException()) {
            Value meta = cause.getMetaObject();
            return new GuestErrors.Link(meta == null ? "cause" : meta.getMetaSimpleName(), cause.toString(), null,
                    List.of(), List.of(), true);
        }
        String name = errorName(cause);
        Value message = cause.hasMember("message") ? cause.getMember("message") : null;
        Value stackText = cause.hasMember("stack") ? cause.getMember("stack") : null;
        List<String> stack = new ArrayList<>();
        Integer line = stackText != null && stackText.isString() ? frames(stackText.asString(), stack) : null;
        return new GuestErrors.Link(name == null ? "Error" : name,
                message != null && message.isString() ? message.asString() : "", line, stack, List.of(), true);
    }

    /**
     * The frames of a JS stack's text ({@code "    at load (main.js:3:11)"}), innermost first, named as the polyglot
     * frames are (the script's own code is {@code :program}); the line of the innermost one in the submitted code,
     * or null. The text is the guest's to set: only its first lines are read, and a line longer than a frame can be
     * is not matched (the pattern's backtracking grows with the square of a line's length).
     */
    private Integer frames(String stackText, List<String> stack) {
        Integer line = null;
        for (String text : stackText.lines().limit(2L * GuestErrors.MAX_FRAMES).toList()) {
            Matcher frame = STACK_FRAME.matcher(text);
            if (text.length() > 2 * GuestErrors.MAX_FRAME || !frame.matches()
                    || stack.size() >= GuestErrors.MAX_FRAMES) {
                continue;
            }
            int number = Integer.parseInt(frame.group(3));
            if (line == null && sourceName().equals(frame.group(2))) {
                line = number;
            }
            stack.add(GuestErrors.frame(frame.group(1) == null ? ":program" : frame.group(1), frame.group(2), number));
        }
        return line;
    }

    @Override
    public Integer traceback(PolyglotException e, List<String> stack) {
        return null;   // the polyglot frames are JS's own
    }

    @Override
    public FormulaCode formula(Limits limits, String expression, List<String> parameters) {
        return new JsFormula(limits, expression, parameters);
    }

    @Override
    public String toString() {
        return "JsDialect";
    }
}
