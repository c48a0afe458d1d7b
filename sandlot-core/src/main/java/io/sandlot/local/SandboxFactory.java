package io.sandlot.local;

import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.RuntimeInfo;
import io.sandlot.Sandbox;
import io.sandlot.SandboxStats;
import io.sandlot.internal.engine.EngineShape;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.engine.GraalVersion;
import io.sandlot.internal.engine.JitCheck;
import io.sandlot.internal.exec.GuestExecutor;
import io.sandlot.internal.exec.LocalSandbox;
import io.sandlot.internal.lang.Dialects;
import io.sandlot.internal.sql.SqlWorkspace;
import io.sandlot.internal.worker.WorkerPool;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Engine;

/**
 * Builds sandboxes and owns what they share: the GraalVM engines, the guest threads and the watchdog. Create one
 * per application and close it at shutdown; sandboxes are cheap and can be made per policy.
 *
 * <pre>{@code
 * try (SandboxFactory factory = SandboxFactory.create()) {
 *     Sandbox sandbox = factory.newSandbox(Policy.newBuilder()
 *             .limits(Limits.newBuilder().timeoutMs(1000).maxMemoryMb(64).build())
 *             .build());
 *     ExecutionResult result = sandbox.execute(Language.PYTHON, "sum(x * x for x in xs)", Map.of("xs", List.of(1, 2, 3)));
 *     System.out.println(result.status() + " " + result.value()); // ok 14
 * }
 * }</pre>
 */
public final class SandboxFactory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SandboxFactory.class.getName());

    private final Engines engines;
    private final GuestExecutor executor;
    private final WorkerPool workers;
    private final int maxConcurrency;

    private SandboxFactory(Builder builder) {
        this.engines = new Engines();
        this.executor = new GuestExecutor(engines, builder.maxConcurrency, builder.poolSizes,
                Map.of(Language.PYTHON, builder.pythonPreload), builder.warmUpRounds, builder.quickExpressions);
        this.workers = new WorkerPool(builder.workers, builder.workerHeapMb);
        this.maxConcurrency = builder.maxConcurrency;
    }

    /** Executions that may run at once; see {@link Builder#maxConcurrency(int)}. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** A factory with the default settings. */
    public static SandboxFactory create() {
        return newBuilder().build();
    }

    /** A builder for a factory. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A sandbox enforcing {@link Policy#DEFAULT}. */
    public Sandbox newSandbox() {
        return newSandbox(Policy.DEFAULT);
    }

    /** A sandbox enforcing {@code policy}. */
    public Sandbox newSandbox(Policy policy) {
        executor.prewarm(policy);
        return new LocalSandbox(policy, executor, workers);
    }

    /** Versions, languages and whether the Graal JIT is on. */
    public RuntimeInfo info() {
        Engine engine = engines.get(new EngineShape(false));
        TreeMap<String, String> languages = new TreeMap<>();
        engine.getLanguages().forEach((id, language) -> languages.put(id, language.getVersion()));
        languages.put(Language.SQL.id(), SqlWorkspace.duckDbVersion());
        String implementation = engine.getImplementationName();
        return new RuntimeInfo(Runtime.version().toString(), GraalVersion.of(engine.getVersion()), implementation,
                JitCheck.isJit(implementation), languages);
    }

    /** Guest threads that ignored every attempt to stop them and still run (daemon threads, never joined). */
    public int quarantinedThreads() {
        return executor.quarantinedCount();
    }

    /** Running executions, pools and caches, now. */
    public SandboxStats stats() {
        return executor.stats().withWorkers(workers.liveWorkers(), workers.restarts());
    }

    /**
     * Cancels running executions, stops the worker processes and closes the engines. An engine cannot close while
     * a guest thread that ignores cancellation still runs in it (a {@linkplain #quarantinedThreads() quarantined}
     * one, such as a guest that keeps catching its own stack overflow): closing it would block this call and then
     * the JVM's exit. Such an engine is left open, with a warning, and released when the JVM exits. Guests that
     * must be stoppable whatever they do belong in {@link Isolation#WORKER}.
     */
    @Override
    public void close() {
        workers.close();
        executor.close();
        Set<Engine> held = executor.quarantinedEngines();
        if (!held.isEmpty()) {
            LOG.warning(() -> executor.quarantinedCount() + " guest thread(s) ignored cancellation and still run; "
                    + held.size() + " engine(s) left open until the JVM exits");
        }
        engines.close(held);
    }

    /** Builds a {@link SandboxFactory}. */
    public static final class Builder {
        /** Standard-library modules a pooled Python context imports ahead of time, unless configured otherwise. */
        public static final List<String> DEFAULT_PYTHON_PRELOAD = List.of(
                "json", "math", "re", "collections", "itertools", "functools", "datetime", "statistics", "csv", "random");
        private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

        private int maxConcurrency = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        private final Map<Language, Integer> poolSizes = new EnumMap<>(Language.class);
        private List<String> pythonPreload = DEFAULT_PYTHON_PRELOAD;
        private int warmUpRounds;
        private boolean quickExpressions = true;
        private int workers = 2;
        private int workerHeapMb = 512;
        private boolean requireJit;
        private JitCheck jitCheck = JitCheck.JVM;

        private Builder() {
        }

        /**
         * With {@code true}, {@link #build()} throws a {@link SandboxException} naming the JVM options that are
         * missing when the Graal JIT is off, instead of logging a warning (once per JVM) and running guest code
         * interpreted, 10-100x slower. Default {@code false}.
         */
        public Builder requireJit(boolean requireJit) {
            this.requireJit = requireJit;
            return this;
        }

        /** Replaces the JVM's JIT check (tests). */
        Builder jitCheck(JitCheck check) {
            this.jitCheck = Objects.requireNonNull(check, "jitCheck");
            return this;
        }

        /**
         * Worker JVMs kept running for {@link Isolation#WORKER} executions, started on the first such execution.
         * Default 2.
         */
        public Builder workers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + count);
            }
            this.workers = count;
            return this;
        }

        /** The heap cap ({@code -Xmx}) of each worker JVM in MiB; a worker that overflows it dies. Default 512. */
        public Builder workerHeapMb(int heapMb) {
            if (heapMb < 64) {
                throw new IllegalArgumentException("workerHeapMb must be >= 64, was " + heapMb);
            }
            this.workerHeapMb = heapMb;
            return this;
        }

        /**
         * Keeps up to {@code size} pre-warmed contexts of {@code language} ready for each policy (and statement
         * limit) in use, refilled in the background by one low-priority thread. A pooled context serves one
         * stateless execution and is then closed, so isolation is that of a fresh context. Default: 0 (no pool).
         */
        public Builder contextPool(Language language, int size) {
            if (size < 0) {
                throw new IllegalArgumentException("context pool size must be >= 0 (0 = no pool), was " + size);
            }
            if (!Objects.requireNonNull(language, "language").isPolyglot() && size > 0) {
                throw new IllegalArgumentException(language + " runs without a context and has no context pool");
            }
            poolSizes.put(language, size);
            return this;
        }

        /**
         * Sets every language's {@link #contextPool context pool} to as many contexts as keep executions run back to
         * back (a command line's runs, say) from waiting for a new one: more where a context is slow to make.
         */
        public Builder backToBackPools() {
            for (Language language : Language.polyglot()) {
                contextPool(language, Dialects.of(language).backToBackPoolSize());
            }
            return this;
        }

        /**
         * Standard-library modules that pooled Python contexts import ahead of time (default
         * {@link #DEFAULT_PYTHON_PRELOAD}); more modules make guest imports cheaper and each pooled context larger.
         */
        public Builder pythonPreload(String... modules) {
            for (String module : modules) {
                if (module == null || !MODULE.matcher(module).matches()) {
                    throw new IllegalArgumentException("pythonPreload: '" + module + "' is not a module name");
                }
            }
            this.pythonPreload = List.of(modules);
            return this;
        }

        /**
         * Throwaway contexts per pooled language that run a warm-up script when a sandbox is created, before the
         * pool fills: they warm the engine's code caches and the JIT for the first real executions. With 0 (the
         * default) nothing happens at sandbox creation, and a pool starts filling when it is first used.
         */
        public Builder warmUpRounds(int rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("warmUpRounds must be >= 0, was " + rounds);
            }
            this.warmUpRounds = rounds;
            return this;
        }

        /**
         * Whether a stateless Python execution whose code is one expression of the formula allow-list ({@code i * 2},
         * {@code sum(xs) / len(xs)}: arithmetic, comparisons, literals, subscripts, comprehensions, the inputs and a
         * few pure builtins; no attribute, assignment or import) is evaluated like a formula, in a context kept for
         * such expressions, instead of in a fresh context: microseconds instead of tens of milliseconds, with the
         * same result. Such an expression can neither keep state nor see another request's. An expression that
         * fails, or breaks a limit, runs again in a fresh context, whose result is the answer. Default: true.
         */
        public Builder quickExpressions(boolean enabled) {
            this.quickExpressions = enabled;
            return this;
        }

        /**
         * Executions that may run at once; callers beyond it wait for a slot. Default: twice the number of
         * processors, at least 2.
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Returns the factory.
         *
         * @throws SandboxException if {@link #requireJit(boolean)} is set and the Graal JIT is off
         */
        public SandboxFactory build() {
            jitCheck.check(requireJit);
            return new SandboxFactory(this);
        }
    }
}
