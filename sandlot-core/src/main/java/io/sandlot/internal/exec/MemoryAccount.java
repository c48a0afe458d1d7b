package io.sandlot.internal.exec;

/**
 * What the {@link MemoryGuard} knows of one execution's memory: the heap in use when it started, and what the last
 * confirming collection found. Confirmations back off: the next one is due once the guest has allocated as much
 * again as it had at the last (at least half its limit more), or once twice as much time has passed (from
 * {@link #FIRST_INTERVAL_NANOS} up to {@link #MAX_INTERVAL_NANOS}), whichever comes first. A guest that keeps what
 * it allocates is thus caught within twice its limit, one that makes garbage costs a number of collections that
 * grows with the logarithm of what it allocates, and one that allocated and then went quiet is looked at again
 * within seconds.
 */
final class MemoryAccount {

    static final long FIRST_INTERVAL_NANOS = 250_000_000L;
    static final long MAX_INTERVAL_NANOS = 4_000_000_000L;

    /** The heap in use when the guest phase started, garbage included, until a collection measures it. */
    private volatile long baseline;
    /** The guard's collection count when it last looked at this execution. */
    volatile long collectionSeen;
    private volatile long allocatedAtCheck;
    private volatile long retainedAtCheck;
    private volatile long checkedNanos;
    private volatile long intervalNanos = FIRST_INTERVAL_NANOS;

    MemoryAccount(long baseline, long collectionSeen, long startNanos) {
        this.baseline = baseline;
        this.collectionSeen = collectionSeen;
        this.checkedNanos = startNanos;
    }

    /** What the execution's growth is measured from: at least the live heap when it started. */
    long baseline() {
        return baseline;
    }

    /**
     * Takes {@code live}, the heap after a full collection, as the baseline if it is lower and the execution had
     * allocated at most a quarter of its {@code limit} when the collection started: it then holds at most that
     * quarter of the live heap, which is all it can be charged too little.
     */
    void refineBaseline(long live, long allocatedBefore, long limit) {
        if (limit > 0 && allocatedBefore <= limit / 4 && live < baseline) {
            baseline = live;
        }
    }

    /**
     * Whether the execution, having allocated {@code allocated} bytes, may now hold more than {@code limit} and is
     * due for another look.
     */
    boolean due(long allocated, long limit, long now) {
        long since = allocated - allocatedAtCheck;
        if (retainedAtCheck + since <= limit) {
            return false;   // it was under its limit at the last look and cannot have grown past it since
        }
        return since >= Math.max(limit / 2, allocatedAtCheck) || now - checkedNanos >= intervalNanos;
    }

    /** Records a confirming collection that found the execution holding at most {@code retained} bytes. */
    void confirmed(long allocated, long retained, long collection, long now) {
        allocatedAtCheck = allocated;
        retainedAtCheck = retained;
        collectionSeen = collection;
        checkedNanos = now;
        intervalNanos = Math.min(MAX_INTERVAL_NANOS, intervalNanos * 2);
    }
}
