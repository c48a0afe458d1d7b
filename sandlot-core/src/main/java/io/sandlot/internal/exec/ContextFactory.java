package io.sandlot.internal.exec;

import io.sandlot.HostFunction;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Status;
import io.sandlot.internal.engine.EngineShape;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.lang.Dialect;
import io.sandlot.internal.lang.Dialects;
import io.sandlot.internal.lang.GuestValues;
import io.sandlot.internal.lang.Mount;
import io.sandlot.internal.output.ChartRenderer;
import io.sandlot.wire.Json;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/** Builds guest contexts with every door shut but those the policy opens. The one place doors are decided. */
final class ContextFactory {

    /** The guest's working directory, the root of what it may write. */
    static final String WORKING_DIRECTORY = Dialect.WORKING_DIRECTORY;
    /**
     * What the statement limit counts: the submitted code, code it evaluates ({@code eval}, {@code Function}) and
     * modules it wrote to its own tree; not the language's standard library (file sources outside the tree), whose
     * start-up alone runs thousands of statements, nor the sandbox's own helper sources. A guest cannot name a
     * source to escape counting: its sources have no path, or a path inside its tree.
     */
    private static final Predicate<Source> COUNTED = source -> !Dialects.isInternal(source)
            && (source.getPath() == null || source.getPath().startsWith(WORKING_DIRECTORY + "/"));

    private final Engines engines;
    private final BiConsumer<Execution, Status> stop;
    private final ChartRenderer charts;
    /** Each language's mount, made on its first context. */
    private final Map<Language, LazyMount> mounts = new EnumMap<>(Language.class);

    /**
     * @param stop how to stop an execution when its context reports a limit
     * @param charts renders the charts of guests' {@code chart(spec)}
     */
    ContextFactory(Engines engines, BiConsumer<Execution, Status> stop, ChartRenderer charts) {
        this.engines = engines;
        this.stop = stop;
        this.charts = charts;
        for (Dialect dialect : Dialects.all()) {
            mounts.put(dialect.language(), new LazyMount(dialect));
        }
    }

    /**
     * A new, initialised context.
     *
     * @param maxStatements the statement limit of every execution in this context (0 = none); a session resets
     *     the count before each execution
     */
    GuestContext create(Policy policy, Language language, long maxStatements) {
        AtomicReference<Execution> attached = new AtomicReference<>();
        return create(policy, language, maxStatements, newFileSystem(policy, attached), attached);
    }

    /**
     * A file system as the policy allows: writable up to its quota, else empty and read-only. Denials are
     * reported to the execution {@code attached} holds at the time.
     */
    static MemoryFileSystem newFileSystem(Policy policy, AtomicReference<Execution> attached) {
        long quota = policy.fileSystemQuotaBytes();
        return new MemoryFileSystem(WORKING_DIRECTORY, Math.max(quota, 1), quota > 0, denial -> {
            Execution execution = attached.get();
            if (execution != null) {
                execution.markDenied();
            }
        });
    }

    /** A new, initialised context over an existing file system; {@code attached} must be the one it reports to. */
    GuestContext create(Policy policy, Language language, long maxStatements, MemoryFileSystem files,
            AtomicReference<Execution> attached) {
        Dialect dialect = Dialects.of(language);
        GuestContext.Redirect out = new GuestContext.Redirect();
        GuestContext.Redirect err = new GuestContext.Redirect();
        SandboxPolicy sandbox = dialect.sandboxPolicy();
        Engine engine = engines.get(new EngineShape(maxStatements > 0, sandbox));
        Mount mount = mount(dialect);
        Map<String, String> options = new LinkedHashMap<>(dialect.options());
        options.putAll(mount.options());
        Context.Builder builder = doors(Context.newBuilder(language.graalId()), mount.fileSystem(files))
                .engine(engine)
                .sandbox(sandbox)
                .out(out)
                .err(err)
                .options(options);
        if (maxStatements > 0) {
            builder.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(maxStatements, COUNTED)
                    .onLimit(event -> {
                        Execution execution = attached.get();
                        if (execution != null) {
                            stop.accept(execution, Status.STATEMENT_LIMIT);
                        }
                    })
                    .build());
        }
        Context context = builder.build();
        Value flushFiles;
        try {
            // Languages initialise lazily, on first use; doing it here keeps their start-up out of the guest's limits.
            context.initialize(language.graalId());
            dialect.harden(context, out, err, files);
            flushFiles = dialect.trackFiles(context);
            // The policy's functions win over the builtins of the same name.
            Map<String, HostFunction> functions = new GuestBuiltins(attached::get, charts).functions();
            functions.putAll(hostFunctions(policy, attached));
            exposeHostFunctions(context, dialect, functions);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        return new GuestContext(dialect, context, engine, files, flushFiles, out, err, attached);
    }

    /**
     * The GraalVM sandbox policy of a language's contexts (see {@link Dialect#sandboxPolicy}). A language whose
     * contexts are not CONSTRAINED has every door CONSTRAINED checks shut by {@link #doors} all the same, and
     * {@link #checkDoorsUnderConstrained} proves it.
     */
    static SandboxPolicy sandboxPolicy(Language language) {
        return Dialects.of(language).sandboxPolicy();
    }

    /** Every door shut: host access and lookup, polyglot, class loading, threads, processes, native, environment. */
    private static Context.Builder doors(Context.Builder builder, FileSystem fileSystem) {
        return builder
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowHostClassLoading(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(fileSystem).allowHostSocketAccess(false).build())
                .currentWorkingDirectory(Path.of(WORKING_DIRECTORY))
                .in(InputStream.nullInputStream())
                .timeZone(ZoneOffset.UTC);
    }

    /**
     * For each language whose contexts are not CONSTRAINED, builds and closes a context with the doors of
     * {@link #create} and the language's file system, without the mount's options, under
     * {@link SandboxPolicy#CONSTRAINED} on a CONSTRAINED engine: GraalVM's validation of that policy throws
     * {@link IllegalArgumentException} if any door it checks were open.
     */
    void checkDoorsUnderConstrained() {
        for (Dialect dialect : Dialects.all()) {
            if (dialect.sandboxPolicy() == SandboxPolicy.CONSTRAINED) {
                continue;
            }
            String id = dialect.language().graalId();
            MemoryFileSystem files = newFileSystem(Policy.newBuilder().build(), new AtomicReference<>());
            Engine engine = engines.get(new EngineShape(false, SandboxPolicy.CONSTRAINED));
            try (Context context = doors(Context.newBuilder(id), mount(dialect).fileSystem(files))
                    .engine(engine)
                    .sandbox(SandboxPolicy.CONSTRAINED)
                    .out(java.io.OutputStream.nullOutputStream())
                    .err(java.io.OutputStream.nullOutputStream())
                    .options(dialect.options())
                    .build()) {
                context.initialize(id);
            }
        }
    }

    private Mount mount(Dialect dialect) {
        return mounts.get(dialect.language()).get();
    }

    /** A dialect's mount, made on first use (say, locating a standard library on the host). */
    private final class LazyMount {
        private final Dialect dialect;
        private volatile Mount mount;

        LazyMount(Dialect dialect) {
            this.dialect = dialect;
        }

        Mount get() {
            Mount found = mount;
            if (found == null) {
                synchronized (this) {
                    found = mount;
                    if (found == null) {
                        found = dialect.mount(engines);
                        mount = found;
                    }
                }
            }
            return found;
        }
    }

    /** The global name of the guest's SQL function. */
    static final String SQL_FUNCTION = "sql";

    /**
     * The policy's host functions and, if the policy allows language {@code sql} and names no function {@code sql}
     * itself, {@code sql(query, params?)}: one read-only query on the running execution's tables (see
     * {@link Execution#guestQuery}).
     */
    private static Map<String, HostFunction> hostFunctions(Policy policy, AtomicReference<Execution> attached) {
        if (!policy.languages().contains(Language.SQL) || policy.hostFunctions().containsKey(SQL_FUNCTION)) {
            return policy.hostFunctions();
        }
        Map<String, HostFunction> functions = new LinkedHashMap<>(policy.hostFunctions());
        functions.put(SQL_FUNCTION, arguments -> {
            Execution execution = attached.get();
            if (execution == null) {
                throw new IllegalStateException("sql() can only run while the guest's code runs");
            }
            return execution.guestQuery(arguments);
        });
        return functions;
    }

    private static void exposeHostFunctions(Context context, Dialect dialect, Map<String, HostFunction> functions) {
        if (functions.isEmpty()) {
            return;
        }
        Value wrap = dialect.hostFunctionWrapper(context);
        Value bindings = context.getBindings(dialect.language().graalId());
        functions.forEach((name, function) ->
                bindings.putMember(name, wrap.execute(hostProxy(function, dialect), name)));
    }

    /** A proxy that exchanges JSON text with the guest-side wrapper, so no host object ever reaches the guest. */
    private static ProxyExecutable hostProxy(HostFunction function, Dialect dialect) {
        return arguments -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            try {
                List<Object> copies = new ArrayList<>(arguments.length);
                for (Value argument : arguments) {
                    copies.add(GuestValues.toJava(argument, dialect, 1 << 20));
                }
                Object value = function.call(copies);
                Json.requireJsonLike("the host function's return value", value);
                reply.put("ok", true);
                reply.put("value", value);
            } catch (Exception e) {
                reply.clear();
                reply.put("ok", false);
                reply.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            return Json.write(reply);
        };
    }
}
