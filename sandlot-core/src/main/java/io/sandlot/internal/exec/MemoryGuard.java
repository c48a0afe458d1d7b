package io.sandlot.internal.exec;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.sandlot.Status;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Enforces {@code maxMemoryMb} as the memory an execution <em>retains</em>: the growth of the JVM's live heap (the
 * heap in use right after a full collection) since the execution started, never more than the execution itself
 * allocated. Garbage does not count, however much of it a guest makes.
 *
 * <p>Checking is cheap until it matters. An execution that has allocated no more than its limit cannot retain more
 * and is never looked at. Past that, the heap in use after the collector's own last collection, or, when the
 * collector has been quiet for {@link #QUIET_NANOS}, the heap in use now, bounds what it may retain from above;
 * only when that bound is over the limit does the guard confirm with a full collection of its own (on its own
 * thread, at most one every {@link #MIN_COLLECTION_INTERVAL_NANOS}, and per execution backing off as
 * {@link MemoryAccount} says), then stops the execution if the live heap confirms it.
 *
 * <p>The baseline. An execution's growth is measured from the heap in use when it started, which includes garbage
 * not yet collected; counted from there, a guest would be charged too little by that garbage. So when an execution
 * with a memory limit starts while the heap may hold more garbage than a quarter of its limit and at least
 * {@link #DIRTY_BYTES} (by what the heap after the last collection exceeds the last live reading, plus what
 * executions that ended since then had allocated), a full collection
 * runs first, before its clocks start, and the live heap is its baseline; unless the garbage may exceed the whole
 * limit, such collections are at least {@link #MIN_BASELINE_INTERVAL_NANOS} apart, so an execution that starts in
 * between may be charged too little by up to its limit. A confirming collection also refines the baseline of every execution that had
 * allocated at most a quarter of its limit by then.
 *
 * <p>Attribution when several executions run at once: a limit fires only if the execution's growth is over its
 * limit even after subtracting everything the other running executions could hold (each at most what it
 * allocated). When the running executions together hold more than their limits add up to and no single one can be
 * blamed that way, the one that may hold the most (its growth, capped by its allocation) is stopped, and the next
 * collection looks again: the host's heap comes first. An execution that has allocated no more than its limit is
 * never stopped by its limit. What the host itself retains meanwhile (a context created for a pool or a session, a
 * cache filling) is counted as if a running guest retained it; it is usually a few MiB.
 *
 * <p>Admission: each execution with a memory limit reserves it (capped at the budget) against a budget of
 * the maximum heap less what the host keeps for itself, so that executions each retaining up to their limit
 * together fit into the heap. And whatever the limits: when the live heap is above {@link #CRITICAL_FRACTION} of
 * the maximum, the running execution that grew the most is stopped.
 */
final class MemoryGuard implements AutoCloseable {

    /** Without a collection for this long, the heap in use now is taken as the bound. */
    static final long QUIET_NANOS = 100_000_000L;
    /** The guard's own full collections are at least this far apart. */
    static final long MIN_COLLECTION_INTERVAL_NANOS = 250_000_000L;
    /** Collections run only to measure baselines are at least this far apart. */
    static final long MIN_BASELINE_INTERVAL_NANOS = 1_000_000_000L;
    /** Garbage the heap may hold before a starting execution's baseline is measured with a collection. */
    static final long DIRTY_BYTES = 64L << 20;
    /** Live heap above this fraction of the maximum stops the execution that grew the most, whatever its limit. */
    static final double CRITICAL_FRACTION = 0.9;
    /** What the host keeps for itself out of the maximum heap: this fraction, and at least {@link #HOST_MIN_MB}. */
    static final double HOST_FRACTION = 0.25;
    static final long HOST_MIN_MB = 256;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final System.Logger LOG = System.getLogger(MemoryGuard.class.getName());
    /** Warned once per JVM that explicit collections are off. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Supplier<Collection<Execution>> running;
    private final BiConsumer<Execution, Status> stop;
    private final long maxHeapBytes;
    private final long budgetMb;
    private final Semaphore reservations;
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;
    private final ExecutorService collector = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandlot-memory-guard");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean collecting = new AtomicBoolean();
    private final AtomicBoolean measuringBaseline = new AtomicBoolean();

    /** Heap in use after the last collection of any kind, how many there were, and when the last ended. */
    private volatile long usedAfterCollection;
    private volatile long collections;
    private volatile long lastCollectionNanos = System.nanoTime();
    /** Heap in use after the last full collection: the last reading of the live heap. */
    private volatile long lastLive;
    private volatile long lastForcedNanos;
    private volatile long lastBaselineNanos;
    /** What executions that ended since the last live reading allocated: at most what their ending freed. */
    private final LongAdder releasedSinceLive = new LongAdder();

    /**
     * @param running the executions to watch
     * @param stop how to stop one
     */
    MemoryGuard(Supplier<Collection<Execution>> running, BiConsumer<Execution, Status> stop) {
        this.running = running;
        this.stop = stop;
        this.maxHeapBytes = Runtime.getRuntime().maxMemory();
        long maxHeapMb = maxHeapBytes >> 20;
        this.budgetMb = Math.max(1, maxHeapMb - Math.max(HOST_MIN_MB, (long) (maxHeapMb * HOST_FRACTION)));
        this.reservations = new Semaphore((int) Math.min(Integer.MAX_VALUE, budgetMb), true);
        this.usedAfterCollection = heapUsed();
        this.lastLive = 0;   // unknown: the first execution with a limit measures it
        if (explicitCollectionsDisabled() && WARNED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "-XX:+DisableExplicitGC is set: the sandbox cannot run the full "
                    + "collections that measure what a guest retains, so maxMemoryMb also counts garbage still in "
                    + "the heap and may stop guests that keep less than their limit");
        }
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /**
     * Reserves {@code limitMb} (capped at the budget) for one execution, waiting until enough is free.
     *
     * @return the MiB reserved, to be handed back to {@link #release(int)}
     */
    int reserve(long limitMb) throws InterruptedException {
        int permits = (int) Math.min(limitMb, budgetMb);
        if (permits > 0) {
            reservations.acquire(permits);
        }
        return permits;
    }

    void release(int reservedMb) {
        if (reservedMb > 0) {
            reservations.release(reservedMb);
        }
    }

    /**
     * A new account for an execution with a memory limit of {@code limitMb} whose guest phase is about to start.
     * If the heap may hold more garbage than a quarter of the limit (at least {@link #DIRTY_BYTES}), and either
     * more than the whole limit or no other execution had its baseline measured in the last
     * {@link #MIN_BASELINE_INTERVAL_NANOS}, runs a full collection on the calling thread first and takes the live
     * heap as the baseline. Call it before the guest's clocks start.
     */
    MemoryAccount open(long limitMb) {
        long now = System.nanoTime();
        long limit = limitMb << 20;
        long garbage = garbageBound();
        if (limitMb > 0 && garbage > Math.max(DIRTY_BYTES, limit / 4)
                && (garbage > limit || now - lastBaselineNanos >= MIN_BASELINE_INTERVAL_NANOS)
                && measuringBaseline.compareAndSet(false, true)) {
            try {
                System.gc();
                liveMeasured(heapUsed());
                return new MemoryAccount(lastLive, collections, System.nanoTime());
            } finally {
                lastBaselineNanos = System.nanoTime();
                measuringBaseline.set(false);
            }
        }
        return new MemoryAccount(Math.min(usedAfterCollection, heapUsed()), collections, now);
    }

    /**
     * Called when an execution's guest thread is done with it, having allocated {@code allocated} bytes since its
     * guest phase started: what it held may now be garbage.
     */
    void ended(long allocated) {
        releasedSinceLive.add(allocated);
    }

    /**
     * How much garbage the heap may hold beyond the last live reading: what collections since found above it, and
     * what executions that ended since may have left.
     */
    private long garbageBound() {
        return Math.max(0, usedAfterCollection - lastLive) + releasedSinceLive.sum();
    }

    private void liveMeasured(long live) {
        releasedSinceLive.reset();
        lastLive = live;
    }

    /** The watchdog's periodic check: starts a confirming collection if an execution may be over its limit. */
    void check() {
        long now = System.nanoTime();
        if (usedAfterCollection > maxHeapBytes * CRITICAL_FRACTION
                && now - lastForcedNanos >= MIN_BASELINE_INTERVAL_NANOS && !running.get().isEmpty()) {
            requestCollection(now);   // the heap is nearly full whatever the limits: find who grew the most
            return;
        }
        long sequence = collections;
        boolean quiet = now - lastCollectionNanos > QUIET_NANOS;
        long usedNow = -1;
        for (Execution execution : running.get()) {
            long limit = execution.limits.maxMemoryMb() << 20;
            if (limit == 0 || !execution.isRunningGuest()) {
                continue;
            }
            MemoryAccount account = execution.memory();
            long allocated = execution.allocatedSinceStart();
            if (allocated <= limit || !account.due(allocated, limit, now)) {
                continue;
            }
            long bound;
            if (sequence != account.collectionSeen) {
                bound = usedAfterCollection;
                account.collectionSeen = sequence;
            } else if (quiet) {
                bound = usedNow >= 0 ? usedNow : (usedNow = heapUsed());
            } else {
                continue;   // collections are happening: the next one will tell
            }
            if (bound - account.baseline() > limit) {
                requestCollection(now);
                return;
            }
        }
    }

    private void requestCollection(long now) {
        if (now - lastForcedNanos < MIN_COLLECTION_INTERVAL_NANOS || !collecting.compareAndSet(false, true)) {
            return;
        }
        lastForcedNanos = now;
        try {
            collector.execute(this::collectAndJudge);
        } catch (RuntimeException e) {
            collecting.set(false);   // closed
        }
    }

    /** Runs a full collection, then stops the executions that the live heap shows over their limits. */
    private void collectAndJudge() {
        try {
            List<Account> accounts = new ArrayList<>();
            for (Execution execution : running.get()) {
                if (execution.isRunningGuest()) {
                    accounts.add(new Account(execution, execution.allocatedSinceStart()));
                }
            }
            System.gc();
            long live = heapUsed();
            liveMeasured(live);
            judge(accounts, live, collections);
        } finally {
            lastForcedNanos = System.nanoTime();
            collecting.set(false);
        }
    }

    /**
     * Stops the executions that the live heap shows over their limits.
     *
     * @param accounts the executions that ran when the collection started, with what they had allocated then
     */
    private void judge(List<Account> accounts, long live, long sequence) {
        long now = System.nanoTime();
        long sumAllocated = 0;
        long sumLimits = 0;
        long earliestBaseline = Long.MAX_VALUE;
        for (Account account : accounts) {
            account.measure(live);
            sumAllocated += account.allocated;
            sumLimits = account.limit == 0 || sumLimits + account.limit < 0 ? Long.MAX_VALUE : sumLimits + account.limit;
            earliestBaseline = Math.min(earliestBaseline, account.memory.baseline());
        }
        Account ambiguous = null;
        boolean stopped = false;
        Account largest = null;
        for (Account account : accounts) {
            account.memory.confirmed(account.allocated, account.upper, sequence, now);
            if (largest == null || account.upper > largest.upper) {
                largest = account;
            }
            if (account.limit == 0) {
                continue;
            }
            if (account.upper <= account.limit) {
                continue;
            }
            // The others hold at most what they allocated: what is left of the growth is surely this one's.
            if (account.growth - (sumAllocated - account.allocated) > account.limit) {
                stop.accept(account.execution, Status.MEMORY_LIMIT);
                stopped = true;
            } else if (ambiguous == null || account.upper > ambiguous.upper) {
                ambiguous = account;
            }
        }
        if (!stopped && ambiguous != null && live - earliestBaseline > sumLimits) {
            stop.accept(ambiguous.execution, Status.MEMORY_LIMIT);
            stopped = true;
        }
        if (!stopped && largest != null && largest.upper > 0 && live > maxHeapBytes * CRITICAL_FRACTION) {
            stop.accept(largest.execution, Status.MEMORY_LIMIT);
        }
    }

    /**
     * One running execution at a collection: what it had allocated when the collection started, and what it may
     * hold: at most its growth since it started, and at most what it allocated.
     */
    private static final class Account {
        final Execution execution;
        final MemoryAccount memory;
        final long limit;
        final long allocated;
        long growth;
        long upper;

        Account(Execution execution, long allocated) {
            this.execution = execution;
            this.memory = execution.memory();
            this.limit = execution.limits.maxMemoryMb() << 20;
            this.allocated = allocated;
        }

        void measure(long live) {
            memory.refineBaseline(live, allocated, limit);
            growth = live - memory.baseline();
            upper = Math.max(0, Math.min(growth, allocated));
        }
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        usedAfterCollection = used;
        lastCollectionNanos = System.nanoTime();
        collections++;   // notifications arrive on one thread
    }

    private static boolean explicitCollectionsDisabled() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("DisableExplicitGC").getValue());
        } catch (RuntimeException e) {
            return false;   // not HotSpot: nothing to tell
        }
    }

    private static long heapUsed() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        collector.shutdownNow();
    }
}
