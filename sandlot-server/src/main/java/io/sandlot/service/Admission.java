package io.sandlot.service;

import io.sandlot.service.ServiceException.Kind;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded, fair queue in front of execution. At most {@code slots} executions run at once, and at most
 * {@code tenantSlots} of them for one tenant, so a tenant whose guests spin until their time limit can never take
 * every slot. Requests beyond that wait in a per-tenant FIFO; a freed slot goes to the next tenant in round-robin
 * order that has a waiter and is under its own cap. A tenant may have at most {@code tenantQueue} waiters and all
 * tenants together {@code queue}; beyond that, and after waiting {@code maxWait}, a request is refused (never
 * queued without bound) as {@link ServiceException.Kind#TOO_MANY} (this tenant's share is full) or
 * {@link ServiceException.Kind#OVERLOADED} (the service is full), with a time to retry after.
 */
final class Admission {

    /** What a refused request is told to wait before retrying. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final int slots;
    private final int tenantSlots;
    private final int queue;
    private final int tenantQueue;
    private final long maxWaitNanos;
    private final ServiceObserver observer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Tenant> tenants = new HashMap<>();
    /** Tenants with waiters, in round-robin order. */
    private final ArrayDeque<Tenant> rotation = new ArrayDeque<>();
    private int running;
    private int queued;
    private boolean closed;

    Admission(int slots, int tenantSlots, int queue, int tenantQueue, long maxWaitMillis, ServiceObserver observer) {
        this.slots = slots;
        this.tenantSlots = tenantSlots;
        this.queue = queue;
        this.tenantQueue = tenantQueue;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        this.observer = observer;
    }

    /** A slot held by one execution; releasing it (once) frees the slot for the next waiter. */
    final class Permit {
        private final Tenant tenant;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Tenant tenant) {
            this.tenant = tenant;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                Admission.this.release(tenant);
            }
        }
    }

    private static final class Tenant {
        final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
        int running;
        boolean inRotation;
    }

    /**
     * Waits for a slot for {@code tenantName}.
     *
     * @throws ServiceException {@code TOO_MANY} if the tenant's queue share is full; {@code OVERLOADED} if the whole
     *     queue is full or the wait exceeded its bound; {@code UNAVAILABLE} if the service is stopping
     */
    Permit acquire(String tenantName) {
        long start = System.nanoTime();
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        Tenant tenant;
        lock.lock();
        try {
            if (closed) {
                throw ServiceException.stopping();
            }
            tenant = tenants.computeIfAbsent(tenantName, name -> new Tenant());
            if (running < slots && tenant.running < tenantSlots && tenant.waiters.isEmpty()) {
                running++;
                tenant.running++;
                observer.queueWaited(0);
                return new Permit(tenant);
            }
            if (tenant.waiters.size() >= tenantQueue) {
                observer.rejected("tenant_queue_full");
                throw ServiceException.retryable(Kind.TOO_MANY, "too_many_requests", "this tenant already has "
                        + tenant.waiters.size() + " requests waiting (its share of the queue) and " + tenant.running
                        + " running; retry later", RETRY_AFTER_SECONDS);
            }
            if (queued >= queue) {
                observer.rejected("queue_full");
                throw ServiceException.retryable(Kind.OVERLOADED, "overloaded", "the execution queue is full (" + queued
                        + " requests waiting); retry later", RETRY_AFTER_SECONDS);
            }
            tenant.waiters.add(waiter);
            queued++;
            if (!tenant.inRotation) {
                tenant.inRotation = true;
                rotation.add(tenant);
            }
        } finally {
            lock.unlock();
        }
        try {
            waiter.get(maxWaitNanos, TimeUnit.NANOSECONDS);
            observer.queueWaited(System.nanoTime() - start);
            return new Permit(tenant);
        } catch (ExecutionException e) {
            throw (ServiceException) e.getCause();
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
            try {
                if (waiter.isDone() && !waiter.isCompletedExceptionally()) {
                    // admitted just as the wait ended: give the slot back rather than run late
                    running--;
                    tenant.running--;
                    dispatch();
                } else if (tenant.waiters.remove(waiter)) {
                    queued--;
                    if (tenant.waiters.isEmpty() && tenant.inRotation) {
                        rotation.remove(tenant);
                        tenant.inRotation = false;
                    }
                }
            } finally {
                lock.unlock();
            }
            observer.rejected("queue_timeout");
            throw ServiceException.retryable(Kind.OVERLOADED, "overloaded", "no execution slot became free within "
                    + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms; retry later", RETRY_AFTER_SECONDS);
        }
    }

    private void release(Tenant tenant) {
        lock.lock();
        try {
            running--;
            tenant.running--;
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** Hands free slots to waiters, one tenant at a time in rotation. Called with the lock held. */
    private void dispatch() {
        int skipped = 0;
        while (running < slots && !rotation.isEmpty() && skipped < rotation.size()) {
            Tenant tenant = rotation.poll();
            if (tenant.running >= tenantSlots) {
                rotation.add(tenant);
                skipped++;
                continue;
            }
            CompletableFuture<Void> waiter = tenant.waiters.poll();
            queued--;
            running++;
            tenant.running++;
            if (tenant.waiters.isEmpty()) {
                tenant.inRotation = false;
            } else {
                rotation.add(tenant);
            }
            waiter.complete(null);
            skipped = 0;
        }
    }

    /** Refuses every waiting and future request as {@code UNAVAILABLE}. */
    void close() {
        lock.lock();
        try {
            closed = true;
            for (Tenant tenant : tenants.values()) {
                for (CompletableFuture<Void> waiter : tenant.waiters) {
                    waiter.completeExceptionally(ServiceException.stopping());
                }
                tenant.waiters.clear();
                tenant.inRotation = false;
            }
            rotation.clear();
            queued = 0;
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    int slots() {
        return slots;
    }

}
