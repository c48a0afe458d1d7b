package io.sandlot.internal.engine;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.sandlot.Language;
import java.io.OutputStream;
import java.util.Arrays;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * One shared GraalVM {@link Engine} per {@link EngineShape}, built on first use and closed with the cache. Sharing
 * an engine lets contexts share parsed and compiled code; its settings must therefore be those every context of
 * the shape agrees on.
 */
public final class Engines implements AutoCloseable {

    private static final String[] LANGUAGE_IDS =
            Arrays.stream(Language.values()).map(Language::graalId).toArray(String[]::new);

    private final LoadingCache<EngineShape, Engine> engines = Caffeine.newBuilder()
            .maximumSize(8)
            .recordStats()
            // Close engines on the calling thread: an asynchronous close races the JVM's own engine shutdown hook.
            .executor(Runnable::run)
            .removalListener((EngineShape shape, Engine engine, RemovalCause cause) -> {
                if (engine != null) {
                    engine.close(true);
                }
            })
            .build(Engines::newEngine);

    /** The engine for {@code shape}. */
    public Engine get(EngineShape shape) {
        return engines.get(shape);
    }

    /** Hits, misses and evictions of the engine cache. */
    public com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
        return engines.stats();
    }

    private static Engine newEngine(EngineShape shape) {
        return Engine.newBuilder(LANGUAGE_IDS)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    @Override
    public void close() {
        engines.invalidateAll();
        engines.cleanUp();
    }
}
