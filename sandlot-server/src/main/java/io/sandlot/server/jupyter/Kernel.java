package io.sandlot.server.jupyter;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Jupyter side of one kernel, whose guest is the service session of the same id: the kernel-side protocol
 * session id (new for each kernel instance, so new on restart), the execution counter, the execution state, the
 * connected clients and the time of the last activity. Shell requests run one at a time, in order, on
 * {@link #runInOrder(Runnable)}; owns its fields: each change is a method.
 */
final class Kernel {

    /** Shell requests that may wait behind the running one; beyond, a request is refused at once. */
    static final int MAX_PENDING = 64;

    private final String id;
    private final String tenant;
    private final KernelSpec spec;
    private final Executor executor;
    private final Set<MessageSink> connections = new CopyOnWriteArraySet<>();
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile String session = UUID.randomUUID().toString();
    private volatile Instant lastActivity = Instant.now();
    private int executionCount;
    private int busy;

    Kernel(String id, String tenant, KernelSpec spec, Executor executor) {
        this.id = id;
        this.tenant = tenant;
        this.spec = spec;
        this.executor = executor;
    }

    String id() {
        return id;
    }

    String tenant() {
        return tenant;
    }

    KernelSpec spec() {
        return spec;
    }

    /** The kernel-side session id that every message of this kernel instance carries. */
    String session() {
        return session;
    }

    Instant lastActivity() {
        return lastActivity;
    }

    void touch() {
        lastActivity = Instant.now();
    }

    synchronized String executionState() {
        return busy > 0 ? "busy" : "idle";
    }

    synchronized void busy() {
        busy++;
        touch();
    }

    synchronized void idle() {
        busy = Math.max(0, busy - 1);
        touch();
    }

    /** The next execution count (1 for the first execution of this kernel instance). */
    synchronized int nextExecutionCount() {
        return ++executionCount;
    }

    synchronized int executionCount() {
        return executionCount;
    }

    /** A new kernel instance: a new kernel-side session id, the execution counter back to 0. */
    synchronized void restarted() {
        session = UUID.randomUUID().toString();
        executionCount = 0;
        touch();
    }

    void connect(MessageSink sink) {
        connections.add(sink);
        touch();
    }

    void disconnect(MessageSink sink) {
        connections.remove(sink);
    }

    int connectionCount() {
        return connections.size();
    }

    List<MessageSink> connections() {
        return List.copyOf(connections);
    }

    /**
     * Runs {@code work} after every shell request queued before it, never two at once.
     *
     * @throws RejectedExecutionException if {@link #MAX_PENDING} requests are already waiting
     */
    void runInOrder(Runnable work) {
        if (queued.incrementAndGet() > MAX_PENDING + 1) {
            queued.decrementAndGet();
            throw new RejectedExecutionException("the kernel has " + MAX_PENDING
                    + " requests waiting already; wait for their replies");
        }
        pending.add(work);
        drainLater();
    }

    private void drainLater() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable next;
            while ((next = pending.poll()) != null) {
                try {
                    next.run();
                } finally {
                    queued.decrementAndGet();
                }
            }
        } finally {
            draining.set(false);
        }
        if (!pending.isEmpty()) {
            drainLater();
        }
    }
}
