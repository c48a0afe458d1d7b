package io.sandlot.internal.engine;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.sandlot.Language;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Engine;

/**
 * One shared GraalVM {@link Engine} per {@link EngineShape}, built on first use and closed with the cache. Sharing
 * an engine lets contexts share parsed and compiled code; its settings must therefore be those every context of
 * the shape agrees on.
 */
public final class Engines implements AutoCloseable {

    private static final String[] LANGUAGE_IDS =
            Language.polyglot().stream().map(Language::graalId).toArray(String[]::new);

    /** Engines {@link #close(Set)} was told not to close. */
    private final Set<Engine> leftOpen = ConcurrentHashMap.newKeySet();

    private final LoadingCache<EngineShape, Engine> engines = Caffeine.newBuilder()
            .maximumSize(8)
            .recordStats()
            // Close engines on the calling thread: an asynchronous close races the JVM's own engine shutdown hook.
            .executor(Runnable::run)
            .removalListener((EngineShape shape, Engine engine, RemovalCause cause) -> {
                if (engine != null && !leftOpen.contains(engine)) {
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
                .sandbox(shape.policy())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    @Override
    public void close() {
        close(Set.of());
    }

    /**
     * Closes every engine but those in {@code leaveOpen}, which are only dropped. An engine in which a guest thread
     * still runs that ignores cancellation cannot close: {@link Engine#close(boolean)} would wait for the thread
     * forever, holding a lock that the JVM's own shutdown hook then waits for, so that the JVM could not even exit.
     * Left alone, such an engine is released when the JVM exits.
     */
    public void close(Set<Engine> leaveOpen) {
        leftOpen.addAll(leaveOpen);
        engines.invalidateAll();
        engines.cleanUp();
    }
}
