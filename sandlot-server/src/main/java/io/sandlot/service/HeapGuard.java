package io.sandlot.service;

import io.sandlot.service.ServiceException.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * The guard on total memory: refuses new executions and sessions while the heap is fuller after the last
 * collection than a fraction of its maximum, since sessions keep what their guests retain. It reads the heap after
 * collection, so garbage alone never trips it; it does not stop work already running.
 */
final class HeapGuard {

    private final double maxUsage;
    private final ServiceObserver observer;

    HeapGuard(double maxUsage, ServiceObserver observer) {
        this.maxUsage = maxUsage;
        this.observer = observer;
    }

    /** @throws ServiceException {@code OVERLOADED} if the heap is fuller after the last collection than allowed */
    void check() {
        double used = usedAfterGc();
        if (used > maxUsage) {
            observer.rejected("memory");
            throw ServiceException.retryable(Kind.OVERLOADED, "low_memory", String.format(Locale.ROOT,
                    "the server's heap is %.0f%% full after the last collection (limit %.0f%%); retry later",
                    used * 100, maxUsage * 100), 5);
        }
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
