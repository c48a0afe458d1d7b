package io.sandlot.service;

import io.sandlot.service.ServiceException.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The guard on total memory: refuses new executions and sessions while the heap is fuller after the last
 * collection than a fraction of its maximum, since sessions keep what their guests retain. It reads the heap after
 * collection, so garbage alone never trips it; it does not stop work already running.
 *
 * <p>A reading over the limit may be stale: what filled the heap may have become garbage since (a session closed,
 * a client went away), and a server that refuses work allocates too little to make the collector run again. So a
 * reading over the limit is confirmed by a full collection first, at most one every {@link #MIN_COLLECTION_NANOS};
 * a caller in between is refused on the last reading.
 */
final class HeapGuard {

    static final long MIN_COLLECTION_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final double maxUsage;
    private final ServiceObserver observer;
    private final DoubleSupplier usage;
    private final Runnable collect;
    private final LongSupplier clock;
    private final AtomicLong lastCollection;

    HeapGuard(double maxUsage, ServiceObserver observer) {
        this(maxUsage, observer, HeapGuard::usedAfterGc, System::gc, System::nanoTime);
    }

    /**
     * @param usage the heap in use after the last collection, as a fraction of the maximum
     * @param collect a full collection
     */
    HeapGuard(double maxUsage, ServiceObserver observer, DoubleSupplier usage, Runnable collect, LongSupplier clock) {
        this.maxUsage = maxUsage;
        this.observer = observer;
        this.usage = usage;
        this.collect = collect;
        this.clock = clock;
        this.lastCollection = new AtomicLong(clock.getAsLong() - MIN_COLLECTION_NANOS);
    }

    /** @throws ServiceException {@code OVERLOADED} if the heap is fuller after the last collection than allowed */
    void check() {
        double used = usage.getAsDouble();
        if (used > maxUsage && collectIfDue()) {
            used = usage.getAsDouble();
        }
        if (used > maxUsage) {
            observer.rejected("memory");
            throw ServiceException.retryable(Kind.OVERLOADED, "low_memory", String.format(Locale.ROOT,
                    "the server's heap is %.0f%% full after the last collection (limit %.0f%%); retry later",
                    used * 100, maxUsage * 100), 5);
        }
    }

    /** Runs a full collection if none ran for {@link #MIN_COLLECTION_NANOS}, on one caller only. */
    private boolean collectIfDue() {
        long now = clock.getAsLong();
        long last = lastCollection.get();
        if (now - last < MIN_COLLECTION_NANOS || !lastCollection.compareAndSet(last, now)) {
            return false;
        }
        collect.run();
        return true;
    }

    /** Heap in use after the last collection, as a fraction of the maximum heap; 0 if the maximum is unknown. */
    static double usedAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                MemoryUsage usage = pool.getCollectionUsage();
                if (usage != null) {
                    used += usage.getUsed();
                }
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        return max <= 0 || max == Long.MAX_VALUE ? 0 : (double) used / max;
    }
}
