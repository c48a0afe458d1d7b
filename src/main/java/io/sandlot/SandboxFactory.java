package io.sandlot;

import io.sandlot.internal.engine.EngineShape;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.engine.GraalVersion;
import io.sandlot.internal.exec.Executor;
import io.sandlot.internal.exec.LocalSandbox;
import java.util.TreeMap;
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

    private final Engines engines;
    private final Executor executor;

    private SandboxFactory(Builder builder) {
        this.engines = new Engines();
        this.executor = new Executor(engines, builder.maxConcurrency);
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
        return new LocalSandbox(policy, executor);
    }

    /** Versions, languages and whether the Graal JIT is on. */
    public RuntimeInfo info() {
        Engine engine = engines.get(new EngineShape(false));
        TreeMap<String, String> languages = new TreeMap<>();
        engine.getLanguages().forEach((id, language) -> languages.put(id, language.getVersion()));
        String implementation = engine.getImplementationName();
        return new RuntimeInfo(Runtime.version().toString(), GraalVersion.of(engine.getVersion()), implementation,
                !implementation.toLowerCase(java.util.Locale.ROOT).contains("interpreted"), languages);
    }

    /** Guest threads that ignored every attempt to stop them and still run (daemon threads, never joined). */
    public int quarantinedThreads() {
        return executor.quarantinedCount();
    }

    /** Cancels running executions and closes the engines. */
    @Override
    public void close() {
        executor.close();
        engines.close();
    }

    /** Builds a {@link SandboxFactory}. */
    public static final class Builder {
        private int maxConcurrency = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

        private Builder() {
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

        /** Returns the factory. */
        public SandboxFactory build() {
            return new SandboxFactory(this);
        }
    }
}
