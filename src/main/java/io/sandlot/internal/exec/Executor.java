package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.SandboxException;
import io.sandlot.Language;
import io.sandlot.SandboxStats;
import io.sandlot.Status;
import io.sandlot.internal.convert.Json;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.engine.Sources;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;

/**
 * The one execution path behind every front end. Guests run on threads the executor owns, never on the caller's;
 * a watchdog enforces wall time and CPU time, and the {@link MemoryGuard} retained memory; a guest that cannot be stopped within {@link #GRACE_MS}
 * of its limit is abandoned: the caller gets its result on time, and the thread is quarantined until it ends.
 */
public final class Executor implements AutoCloseable {

    /** How long a stopped guest has to end before its caller is answered without it. */
    public static final long GRACE_MS = 250;
    /** How often the watchdog samples CPU time and allocation. */
    static final long POLL_MS = 5;
    /** A context that takes longer than this to create is given up on. */
    static final long SETUP_TIMEOUT_MS = 120_000;

    private final ContextFactory contexts;
    private final ContextPools pools;
    private final Sources sources = new Sources();
    private final int warmUpRounds;
    /** Cold Truffle frames are large: GraalPy needs about 8 MiB to reach its own recursion limit of 1000. */
    private static final long GUEST_STACK_BYTES = 16L << 20;

    private final ExecutorService guestThreads =
            Executors.newCachedThreadPool(daemon("sandlot-guest-", GUEST_STACK_BYTES));
    private final ExecutorService reapers = Executors.newCachedThreadPool(daemon("sandlot-reaper-", 0));
    private final ScheduledThreadPoolExecutor watchdog = newWatchdog();
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();
    private final Set<Execution> quarantined = ConcurrentHashMap.newKeySet();
    private final Set<FormulaInstance> formulas = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final MemoryGuard memory = new MemoryGuard(() -> running, this::stop);
    private volatile boolean closed;

    /**
     * @param maxConcurrency executions that may run at once; further callers wait for a slot
     */
    public Executor(Engines engines, int maxConcurrency, Map<Language, Integer> poolSizes, List<String> pythonPreload,
            int warmUpRounds) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        if (!Threads.supported()) {
            throw new SandboxException("this JVM cannot measure per-thread CPU time and allocation");
        }
        this.contexts = new ContextFactory(engines, this::stop);
        this.pools = new ContextPools(contexts, poolSizes, pythonPreload);
        this.warmUpRounds = warmUpRounds;
        this.slots = new Semaphore(maxConcurrency, true);
        watchdog.scheduleWithFixedDelay(this::sample, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Validates {@code request} against {@code policy} and starts it.
     *
     * @throws IllegalArgumentException if the request breaks the policy (language, code or input size, inputs)
     * @throws SandboxException if the executor is closed
     */
    public CompletableFuture<ExecutionResult> submit(Policy policy, ExecutionRequest request) {
        Limits limits = request.limits().orElse(policy.limits());
        return submit(policy, request, limits, new FreshContext(policy, request.language(), limits.maxStatements()));
    }

    /** Runs {@code request} in a context from {@code lease}; see {@link #submit(Policy, ExecutionRequest)}. */
    CompletableFuture<ExecutionResult> submit(Policy policy, ExecutionRequest request, Limits limits, ContextLease lease) {
        validate(policy, request, limits);
        if (closed) {
            throw new SandboxException("the sandbox factory is closed");
        }
        Execution execution = new Execution(request, limits, lease, this::stop);
        execution.result.whenComplete((r, t) -> {
            if (t instanceof CancellationException) {
                stop(execution, Status.CANCELLED);
            }
        });
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.result.complete(execution.stopped(Status.CANCELLED, "interrupted while waiting for a slot"));
            return execution.result;
        }
        try {
            execution.reservedMb = memory.reserve(limits.maxMemoryMb());
        } catch (InterruptedException e) {
            slots.release();
            Thread.currentThread().interrupt();
            execution.result.complete(execution.stopped(Status.CANCELLED, "interrupted while waiting for memory"));
            return execution.result;
        }
        running.add(execution);
        // Until the guest phase starts, only this bounds the wait; the wall-time timer takes over from then on.
        execution.timeoutTask = watchdog.schedule(() -> stop(execution, Status.INTERNAL_ERROR), SETUP_TIMEOUT_MS,
                TimeUnit.MILLISECONDS);
        try {
            guestThreads.execute(() -> run(execution, lease));
        } catch (RuntimeException e) {
            execution.timeoutTask.cancel(false);
            release(execution);
            throw new SandboxException("cannot start a guest thread", e);
        }
        return execution.result;
    }

    /** Executions currently running, abandoned ones excluded. */
    public int runningCount() {
        return running.size();
    }

    /** Guest threads that could not be stopped and still run; see the README on abandoned threads. */
    public int quarantinedCount() {
        return quarantined.size();
    }

    /** The engines that quarantined guest threads still run in: closing one would wait for its thread to end. */
    public Set<Engine> quarantinedEngines() {
        Set<Engine> held = new HashSet<>();
        for (Execution execution : quarantined) {
            GuestContext guest = execution.guest;
            if (guest != null) {
                held.add(guest.engine);
            }
        }
        return held;
    }

    /**
     * Checks {@code request} against {@code policy} before anything runs: the one validation every isolation
     * shares.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void validate(Policy policy, ExecutionRequest request, Limits limits) {
        requireAllowed(policy, request.language());
        long codeBytes = request.code().getBytes(StandardCharsets.UTF_8).length;
        if (limits.maxCodeBytes() > 0 && codeBytes > limits.maxCodeBytes()) {
            throw new IllegalArgumentException(Limit.MAX_CODE_BYTES.refusal(limits.maxCodeBytes(), codeBytes));
        }
        request.inputs().forEach((name, value) -> {
            Json.requireJsonLike("input '" + name + "'", value);
            if (policy.hostFunctions().containsKey(name)) {
                throw new IllegalArgumentException("input '" + name + "' would hide the host function of that name");
            }
        });
        if (limits.maxInputBytes() > 0 && !request.inputs().isEmpty()) {
            long inputBytes = Json.write(request.inputs()).getBytes(StandardCharsets.UTF_8).length;
            if (inputBytes > limits.maxInputBytes()) {
                throw new IllegalArgumentException(Limit.MAX_INPUT_BYTES.refusal(limits.maxInputBytes(), inputBytes));
            }
        }
    }

    /** @throws IllegalArgumentException if the policy does not allow {@code language} */
    static void requireAllowed(Policy policy, Language language) {
        if (!policy.languages().contains(language)) {
            throw new IllegalArgumentException("language " + language + " is not allowed by the policy; allowed: "
                    + policy.languages());
        }
    }

    /**
     * Runs {@code execution} on the current (guest) thread. The context goes back to its lease (a fresh one is
     * closed) before the caller is answered, so that what the guest held is garbage by the time the caller can
     * start another execution: the memory limit of that one is measured from a heap without it.
     */
    private void run(Execution execution, ContextLease lease) {
        execution.thread = Thread.currentThread();
        GuestContext guest = null;
        ExecutionResult result = null;
        try {
            guest = lease.acquire();
            guest.attach(execution);
            execution.guest = guest;
            result = execution.stopReason.get() != null
                    ? execution.stopped(execution.stopReason.get(), null)
                    : execution.evaluate(guest, source(execution.dialect, execution.request.code()),
                            () -> beginGuestPhase(execution));
            endGuestPhase(execution);
        } catch (Throwable t) {
            endGuestPhase(execution);
            Status reason = execution.stopReason.get();
            result = reason != null ? execution.stopped(reason, null) : execution.failedInternally(t);
        } finally {
            try {
                awaitStop(execution);
                if (guest != null) {
                    guest.detach();
                    lease.release(guest, execution);
                    execution.guest = null;   // timers may hold the execution a while; they must not hold the context
                }
            } finally {
                release(execution);   // the concurrency slot comes back whatever happened to the context
                // Building the result can fail too (say, out of memory while copying the output): still answer.
                execution.result.complete(result != null ? result
                        : ExecutionResult.notRun(Status.INTERNAL_ERROR, "the result could not be built"));
            }
        }
    }

    /** Waits, at most {@link #GRACE_MS}, until a stop in progress has closed or interrupted the context. */
    private static void awaitStop(Execution execution) {
        CompletableFuture<Void> stopping = execution.stopping;
        if (stopping != null) {
            try {
                stopping.get(GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the caller is answered all the same; a context that does not close is the quarantine's business
            }
        }
    }

    private void beginGuestPhase(Execution execution) {
        Thread thread = Thread.currentThread();
        execution.memory = memory.open(execution.limits.maxMemoryMb());
        execution.startNanos = System.nanoTime();
        execution.cpuStartNanos = Threads.cpuNanos(thread);
        execution.allocatedStart = Threads.allocatedBytes(thread);
        execution.inGuestPhase = true;
        execution.timeoutTask.cancel(false);
        long timeoutMs = execution.limits.timeoutMs();
        if (timeoutMs > 0) {
            execution.timeoutTask = watchdog.schedule(() -> stop(execution, Status.TIMEOUT), timeoutMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void endGuestPhase(Execution execution) {
        if (execution.inGuestPhase) {
            memory.ended(execution.allocatedSinceStart());
        }
        execution.inGuestPhase = false;
        var task = execution.timeoutTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Puts a formula instance under the watchdog's limits. */
    void watch(FormulaInstance instance) {
        formulas.add(instance);
    }

    void unwatch(FormulaInstance instance) {
        formulas.remove(instance);
    }

    /** The watchdog's periodic check of CPU time and retained memory, and of formula limits. */
    private void sample() {
        long now = System.nanoTime();
        for (FormulaInstance instance : formulas) {
            Status broken = instance.check(now);
            if (broken != null) {
                instance.stopped = broken;
                reapers.execute(() -> instance.guest.close(true));
            }
        }
        for (Execution execution : running) {
            if (!execution.inGuestPhase || execution.stopReason.get() != null) {
                continue;
            }
            long cpuTimeMs = execution.limits.cpuTimeMs();
            if (cpuTimeMs > 0 && Threads.cpuNanos(execution.thread) - execution.cpuStartNanos > cpuTimeMs * 1_000_000) {
                stop(execution, Status.CPU_LIMIT);
            }
        }
        memory.check();
    }

    /**
     * Stops {@code execution} for {@code reason} if nothing stopped it yet: the context is closed from a reaper
     * thread (closing can block while a guest ignores cancellation), and after {@link #GRACE_MS} the caller is
     * answered whether or not the guest thread has ended.
     */
    void stop(Execution execution, Status reason) {
        if (!execution.stopReason.compareAndSet(null, reason)) {
            return;
        }
        execution.stopNanos = System.nanoTime();
        GuestContext guest = execution.guest;
        if (guest != null) {
            execution.stopping = CompletableFuture.runAsync(() -> execution.lease.stop(guest, execution), reapers);
        }
        try {
            watchdog.schedule(() -> abandonIfRunning(execution), GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            abandonIfRunning(execution);
        }
    }

    private void abandonIfRunning(Execution execution) {
        synchronized (execution) {
            if (execution.released.get() || execution.result.isDone()) {
                return;
            }
            // Quarantine before answering, so that a caller who then asks sees the abandoned thread.
            execution.abandoned = true;
            quarantined.add(execution);
            running.remove(execution);
            releaseSlot(execution);
        }
        execution.result.complete(execution.stopped(execution.stopReason.get(), null));
    }

    /** Called once the guest thread is done with {@code execution}, abandoned or not. */
    private void release(Execution execution) {
        synchronized (execution) {
            if (!execution.released.compareAndSet(false, true)) {
                return;
            }
            running.remove(execution);
            if (!quarantined.remove(execution)) {
                releaseSlot(execution);
            }
        }
    }

    /** Hands back the concurrency slot and the memory reservation of {@code execution}. */
    private void releaseSlot(Execution execution) {
        memory.release(execution.reservedMb);
        slots.release();
    }

    /**
     * Starts pre-warming the context pools a sandbox with {@code policy} will draw from, if a start-up warm-up was
     * asked for; otherwise a pool starts filling when its shape is first used.
     */
    public void prewarm(Policy policy) {
        if (warmUpRounds == 0) {
            return;
        }
        for (Language language : policy.languages()) {
            pools.prewarm(policy, language, policy.limits().maxStatements(), warmUpRounds);
        }
    }

    /** A pooled context of this shape if one is ready now, else null (see {@link ContextPools#poll}). */
    GuestContext readyContext(Policy policy, Language language, long maxStatements) {
        return pools.poll(policy, language, maxStatements);
    }

    /** What the executor, its pools and caches hold and have done. */
    public SandboxStats stats() {
        return new SandboxStats(running.size(), quarantined.size(), pools.readyCounts(), pools.hits(),
                pools.misses(), sources.size(), sources.stats().hitCount(), sources.stats().missCount(), 0, 0);
    }

    /** The cached source for {@code code}; see {@link Sources}. */
    org.graalvm.polyglot.Source source(Dialect dialect, String code) {
        return sources.get(dialect.language().graalId(), dialect.sourceName(), code);
    }

    /** Builds contexts for leases; also used by sessions and pools. */
    ContextFactory contexts() {
        return contexts;
    }

    /** A fresh context per execution, closed afterwards: the isolation of stateless executions. */
    private final class FreshContext implements ContextLease {
        private final Policy policy;
        private final Language language;
        private final long maxStatements;

        FreshContext(Policy policy, Language language, long maxStatements) {
            this.policy = policy;
            this.language = language;
            this.maxStatements = maxStatements;
        }

        @Override
        public GuestContext acquire() {
            return pools.take(policy, language, maxStatements);
        }

        @Override
        public void release(GuestContext guest, Execution execution) {
            // Always cancel: a normal close runs the guest's atexit handlers and finalizers, after the result,
            // outside every limit (attack corpus F4).
            guest.close(true);
            pools.refillSoon(policy, language, maxStatements);
        }

        @Override
        public void stop(GuestContext guest, Execution execution) {
            guest.close(true);
        }
    }

    /** Cancels every running execution and releases the threads; quarantined threads are daemons and left. */
    @Override
    public void close() {
        closed = true;
        for (Execution execution : running) {
            stop(execution, Status.CANCELLED);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS * 2);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        watchdog.shutdownNow();
        memory.close();
        guestThreads.shutdownNow();
        pools.close();
        reapers.shutdown();
    }

    private static ScheduledThreadPoolExecutor newWatchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, daemon("sandlot-watchdog-", 0));
        watchdog.setRemoveOnCancelPolicy(true);   // a cancelled timer must not keep its execution reachable
        return watchdog;
    }

    private static ThreadFactory daemon(String prefix, long stackBytes) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, prefix + count.incrementAndGet(), stackBytes);
            thread.setDaemon(true);
            return thread;
        };
    }
}
