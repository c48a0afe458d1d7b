package io.sandlot.internal.exec;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The idle instances of one formula: one in a slot that a single thread takes and gives back with one atomic
 * operation each, the rest in a queue for concurrent callers. Kept apart from the formula object so that the
 * formula can be collected (and its contexts closed by a cleaner) while the watchdog still knows the instances.
 */
final class FormulaInstances {

    private final GuestExecutor executor;
    private final Supplier<FormulaInstance> factory;
    private final AtomicReference<FormulaInstance> hot = new AtomicReference<>();
    private final Queue<FormulaInstance> idle = new ConcurrentLinkedQueue<>();
    /** Set by {@link #close}: an instance given back afterwards is closed too. */
    private volatile boolean closed;

    FormulaInstances(GuestExecutor executor, Supplier<FormulaInstance> factory) {
        this.executor = executor;
        this.factory = factory;
    }

    /** A new instance under the watchdog. */
    FormulaInstance create() {
        FormulaInstance instance = factory.get();
        executor.watch(instance);
        return instance;
    }

    /** An idle instance, or a new one; never one a limit stopped (its context is being closed). */
    FormulaInstance acquire() {
        FormulaInstance instance = hot.getAndSet(null);
        while (instance == null || instance.stopped != null) {
            if (instance != null) {
                discard(instance);
            }
            instance = idle.poll();
            if (instance == null) {
                return create();
            }
        }
        return instance;
    }

    /** Gives {@code instance} back, or closes it if a limit stopped it or these instances were closed. */
    void release(FormulaInstance instance) {
        if (instance.stopped != null || closed) {
            discard(instance);
            return;
        }
        if (!hot.compareAndSet(null, instance)) {
            idle.offer(instance);
        }
        if (closed) {
            closeIdle();   // closed meanwhile: what it drained may not have included this one
        }
    }

    void discard(FormulaInstance instance) {
        executor.unwatch(instance);
        instance.guest.close(true);
    }

    /** Closes the idle instances now and each instance in use when it is given back. */
    void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        FormulaInstance instance = hot.getAndSet(null);
        if (instance != null) {
            discard(instance);
        }
        while ((instance = idle.poll()) != null) {
            discard(instance);
        }
    }
}
