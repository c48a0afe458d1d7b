package io.sandlot.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.graalvm.polyglot.Source;

/**
 * Parsed-code reuse: GraalVM caches parsed code per engine by {@link Source}, and keeps the entry only while the
 * {@code Source} is reachable. This cache keeps recently used sources alive, keyed by language and content, so that
 * code submitted again is parsed once per engine, not once per execution. Bounded by total characters.
 */
public final class Sources {

    private static final long MAX_CHARACTERS = 64L << 20;

    private final Cache<Key, Source> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, Source source) -> key.code.length() + 64)
            .recordStats()
            .build();

    /** The source for {@code code} in language {@code graalId}, named {@code name} (the name guests see). */
    public Source get(String graalId, String name, String code) {
        return cache.get(new Key(graalId, name, code),
                key -> Source.newBuilder(key.graalId, key.code, key.name).cached(true).buildLiteral());
    }

    /** Hits and misses so far. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Cached sources. */
    public long size() {
        return cache.estimatedSize();
    }

    private record Key(String graalId, String name, String code) {
    }
}
