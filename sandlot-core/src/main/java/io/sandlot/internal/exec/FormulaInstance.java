package io.sandlot.internal.exec;

import io.sandlot.Status;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.graalvm.polyglot.Value;

/**
 * One context with a compiled formula function, used by one thread at a time, on that thread, under the
 * executor's watchdog. An evaluation costs its thread two plain stores ({@link #begin}, {@link #end}): the watchdog
 * notices a running evaluation by its odd sequence number and times it from when it first saw it, so a limit
 * fires at most one watchdog period late, never early.
 */
final class FormulaInstance implements Watched {

    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(FormulaInstance.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final GuestContext guest;
    final Value function;
    /** Wall-time limit of one evaluation in nanoseconds; 0 = none. */
    final long timeoutNanos;
    /**
     * The policy's memory limit in bytes (0 = none). A formula keeps nothing between evaluations, so what one
     * evaluation allocates bounds what it holds; it is stopped for allocating more only while the heap is nearly
     * full ({@link #HEAP_NEARLY_FULL} of the maximum), so that garbage never stops it on a healthy heap.
     */
    final long maxAllocatedBytes;
    /**
     * Whether an evaluation over {@link #maxAllocatedBytes} is stopped only while the heap is nearly full (a
     * formula's) or at once (an expression execution's, whose result would not be used: see {@link Expressions}).
     */
    private final boolean onlyWhenHeapNearlyFull;
    /** Odd while an evaluation runs; written by the evaluating thread only. */
    @SuppressWarnings("unused")
    private long sequence;
    private Thread thread;
    private long allocatedStart;
    /** Where its context is closed when a limit stops it. */
    private final Executor reapers;
    /** The limit that stopped this instance (its context is then closed), or null. */
    volatile Status stopped;
    /**
     * Evaluations charged to its context's statement counter since the counter was last reset (or the context
     * made), the running one included; see {@link GuestFormula}. Written by the evaluating thread only.
     */
    private int evaluationsOnCounter;
    /**
     * Functions compiled in this instance's context (see {@link Expressions}), by key, least recently used first,
     * at most {@link #MAX_COMPILED}; created on first use. Used by the evaluating thread only.
     */
    private LinkedHashMap<String, Value> compiled;
    /** Watchdog's view: the sequence it last saw running and since when. */
    private long seenSequence;
    private long seenNanos;

    /** Compiled functions an instance keeps; see {@link #compiled(String, Function)}. */
    static final int MAX_COMPILED = 256;
    /** See {@link #maxAllocatedBytes}. */
    static final double HEAP_NEARLY_FULL = 0.9;
    private static final java.lang.management.MemoryMXBean MEMORY =
            java.lang.management.ManagementFactory.getMemoryMXBean();

    private static boolean heapNearlyFull() {
        java.lang.management.MemoryUsage heap = MEMORY.getHeapMemoryUsage();
        return heap.getMax() > 0 && heap.getUsed() > heap.getMax() * HEAP_NEARLY_FULL;
    }

    FormulaInstance(GuestContext guest, Value function, long timeoutMs, long maxMemoryMb, Executor reapers) {
        this(guest, function, timeoutMs, maxMemoryMb, true, reapers);
    }

    FormulaInstance(GuestContext guest, Value function, long timeoutMs, long maxMemoryMb,
            boolean onlyWhenHeapNearlyFull, Executor reapers) {
        this.guest = guest;
        this.onlyWhenHeapNearlyFull = onlyWhenHeapNearlyFull;
        this.reapers = reapers;
        this.function = function;
        this.timeoutNanos = timeoutMs * 1_000_000;
        this.maxAllocatedBytes = maxMemoryMb << 20;
    }

    /**
     * Charges the next evaluation to the statement counter, resetting the counter first if {@code resetEvery}
     * evaluations have used it since its last reset.
     */
    void chargeStatementCounter(int resetEvery) {
        if (evaluationsOnCounter >= resetEvery) {
            guest.context.resetLimits();
            evaluationsOnCounter = 0;
        }
        evaluationsOnCounter++;
    }

    /**
     * The function compiled under {@code key} in this context, compiling it with {@code compile} the first time.
     * Compiling runs guest code that counts against the statement counter, so the next evaluation resets it.
     */
    Value compiled(String key, Function<String, Value> compile) {
        if (compiled == null) {
            compiled = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Value> eldest) {
                    return size() > MAX_COMPILED;
                }
            };
        }
        Value function = compiled.get(key);
        if (function == null) {
            evaluationsOnCounter = Integer.MAX_VALUE;
            function = compile.apply(key);
            compiled.put(key, function);
        }
        return function;
    }

    /** Whether the running evaluation shares its statement counter with earlier ones. */
    boolean sharesStatementCounter() {
        return evaluationsOnCounter > 1;
    }

    void begin() {
        if (maxAllocatedBytes > 0) {
            thread = Thread.currentThread();
            allocatedStart = Threads.allocatedBytes(thread);
        }
        SEQUENCE.setRelease(this, (long) SEQUENCE.get(this) + 1);
    }

    void end() {
        long sequence = (long) SEQUENCE.get(this);
        if ((sequence & 1) != 0) {
            SEQUENCE.setRelease(this, sequence + 1);
        }
    }

    /** The limit the running evaluation broke, or null. */
    @Override
    public Status brokenLimit(long now) {
        long sequence = (long) SEQUENCE.getAcquire(this);
        if ((sequence & 1) == 0 || stopped != null) {
            return null;
        }
        if (sequence != seenSequence) {
            seenSequence = sequence;
            seenNanos = now;
        } else if (timeoutNanos > 0 && now - seenNanos > timeoutNanos) {
            return Status.TIMEOUT;
        }
        Thread running = thread;
        if (maxAllocatedBytes > 0 && running != null
                && Threads.allocatedBytes(running) - allocatedStart > maxAllocatedBytes
                && (!onlyWhenHeapNearlyFull || heapNearlyFull())) {
            return Status.MEMORY_LIMIT;
        }
        return null;
    }

    /** Marks the instance stopped by {@code limit} and closes its context, which cancels the evaluation. */
    @Override
    public void stop(Status limit) {
        stopped = limit;
        reapers.execute(() -> guest.close(true));
    }
}
