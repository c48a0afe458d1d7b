package io.sandlot.internal.exec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.internal.lang.Dialects;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pre-warmed contexts, one pool per shape (policy, language, statement limit), refilled in the background. A pooled
 * context has never run guest code and serves exactly one stateless execution, which then closes it: pooling moves
 * context creation off the request path without weakening isolation.
 *
 * <p>A pooled context has also preloaded the modules configured for its language (say, Python standard-library
 * modules), so that guest imports of them cost a dictionary lookup; they sit in that context only.
 */
final class ContextPools implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ContextPools.class.getName());
    /** Distinct shapes with a pool; the least recently used pool beyond this is closed. */
    private static final int MAX_POOLS = 16;
    /** How long a request waits for the context a pool is making before it makes its own. */
    private static final long IN_FLIGHT_WAIT_MS = 2_000;
    /** How long {@link #close} waits for the filler to finish the context it is making (a cold one takes seconds). */
    private static final long FILLER_STOP_SECONDS = 15;

    private final ContextFactory contexts;
    private final Map<Language, Integer> sizes;
    private final Map<Language, List<String>> preloads;
    private final ExecutorService filler = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandlot-pool-filler");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final Cache<Key, Pool> pools = Caffeine.newBuilder()
            .maximumSize(MAX_POOLS)
            .executor(Runnable::run)
            .removalListener((Key key, Pool pool, RemovalCause cause) -> {
                if (pool != null) {
                    pool.drain();
                }
            })
            .build();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile boolean closed;

    ContextPools(ContextFactory contexts, Map<Language, Integer> sizes, Map<Language, List<String>> preloads) {
        this.contexts = contexts;
        this.sizes = sizes.isEmpty() ? Map.of() : new EnumMap<>(sizes);
        Map<Language, List<String>> copies = new EnumMap<>(Language.class);
        preloads.forEach((language, modules) -> copies.put(language, List.copyOf(modules)));
        this.preloads = copies;
    }

    /**
     * A context for one stateless execution: pooled if one is ready; else the one the pool is making, if it comes
     * within {@value #IN_FLIGHT_WAIT_MS} ms (on a busy machine, making a second context beside it costs both more);
     * else made now. After a hit the pool refills when the execution ends ({@link #refillSoon}), so that the refill
     * does not compete with it for the CPU; after a miss (an empty pool that was not filling, such as a new pool's
     * first use) it starts refilling at once, so that the next execution's context is made beside this one's.
     */
    GuestContext take(Policy policy, Language language, long maxStatements) {
        Pool pool = pool(policy, language, maxStatements);
        GuestContext ready = pool == null ? null : pool.ready.poll();
        if (ready == null && pool != null && pool.refilling.get()) {
            try {
                ready = pool.ready.poll(IN_FLIGHT_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ready != null) {
            hits.increment();
            return ready;
        }
        misses.increment();
        if (pool != null) {
            pool.refillSoon();
        }
        return contexts.create(policy, language, maxStatements);
    }

    /** Starts refilling the pool of this shape, if its language is pooled and it is not full. */
    void refillSoon(Policy policy, Language language, long maxStatements) {
        Pool pool = pool(policy, language, maxStatements);
        if (pool != null) {
            pool.refillSoon();
        }
    }

    /**
     * A pooled context if one is ready now, else null; either way the pool of this shape is (re)filled. Sessions
     * take their context this way: a pooled context has never run guest code, and its file system is the one the
     * policy gives a session.
     */
    GuestContext poll(Policy policy, Language language, long maxStatements) {
        Pool pool = pool(policy, language, maxStatements);
        if (pool == null) {
            return null;
        }
        GuestContext ready = pool.ready.poll();
        pool.refillSoon();
        if (ready != null) {
            hits.increment();
        }
        return ready;
    }

    /**
     * Starts filling the pool of this shape, if its language is pooled, after {@code warmUpRounds} throwaway
     * contexts have run a warm-up script (so that the first real executions find the engine's code caches and the
     * JIT warm).
     */
    void prewarm(Policy policy, Language language, long maxStatements, int warmUpRounds) {
        Pool pool = pool(policy, language, maxStatements);
        if (pool == null) {
            return;
        }
        if (warmUpRounds > 0) {
            filler.execute(() -> {
                for (int i = 0; i < warmUpRounds && !closed; i++) {
                    GuestContext context = contexts.create(policy, language, maxStatements);
                    try {
                        pool.prepare(context).context.eval(language.graalId(), Dialects.of(language).warmUpScript());
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "warm-up failed", e);
                    } finally {
                        context.close(true);
                    }
                }
            });
        }
        pool.refillSoon();
    }

    private Pool pool(Policy policy, Language language, long maxStatements) {
        int size = sizes.getOrDefault(language, 0);
        if (size == 0 || closed) {
            return null;
        }
        return pools.get(new Key(policy, language, maxStatements), key -> new Pool(key, size));
    }

    /** Contexts ready now, by language. */
    Map<Language, Integer> readyCounts() {
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        pools.asMap().forEach((key, pool) -> counts.merge(key.language, pool.ready.size(), Integer::sum));
        return counts;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /**
     * Stops filling and closes the ready contexts. Waits for the filler to finish the context it is making (it then
     * closes it, the pools being closed): closing the engines under a context still being made can deadlock, since
     * closing an engine holds the engine's lock while it waits for the context's threads, and making a context
     * (GraalPy compiling its first regular expression, which creates TRegex's context) takes that same lock.
     */
    @Override
    public void close() {
        closed = true;
        filler.shutdownNow();
        try {
            if (!filler.awaitTermination(FILLER_STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning(() -> "the pool filler did not stop within " + FILLER_STOP_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pools.invalidateAll();
        pools.cleanUp();
    }

    /** Identity of the policy matters: it carries the host functions, which are part of the context. */
    private record Key(Policy policy, Language language, long maxStatements) {
    }

    private final class Pool {
        private final Key key;
        private final BlockingQueue<GuestContext> ready;
        private final AtomicBoolean refilling = new AtomicBoolean();

        Pool(Key key, int size) {
            this.key = key;
            this.ready = new ArrayBlockingQueue<>(size);
        }

        void refillSoon() {
            if (!closed && ready.remainingCapacity() > 0 && refilling.compareAndSet(false, true)) {
                try {
                    filler.execute(this::refill);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    refilling.set(false);
                }
            }
        }

        private void refill() {
            try {
                while (!closed && ready.remainingCapacity() > 0) {
                    GuestContext context = prepare(contexts.create(key.policy, key.language, key.maxStatements));
                    if (closed || !ready.offer(context)) {
                        context.close(true);
                    }
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "cannot pre-warm a " + key.language + " context", e);
                }
            } finally {
                refilling.set(false);
            }
        }

        private GuestContext prepare(GuestContext context) {
            context.jsonParser();
            context.dialect.preload(context.context, preloads.getOrDefault(key.language, List.of()));
            return context;
        }

        void drain() {
            GuestContext context;
            while ((context = ready.poll()) != null) {
                context.close(true);
            }
        }
    }
}
