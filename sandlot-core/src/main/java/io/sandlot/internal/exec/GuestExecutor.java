package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.GuestError;
import io.sandlot.Language;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.OutputListener;
import io.sandlot.Policy;
import io.sandlot.SandboxException;
import io.sandlot.SandboxStats;
import io.sandlot.Status;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.engine.Sources;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.output.ChartRenderer;
import io.sandlot.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Engine;

/**
 * The one execution path behind every front end: admits executions (a concurrency slot, a memory reservation) and
 * runs each on a guest thread it owns, never on the caller's. A watchdog enforces wall time, polls what it
 * {@linkplain Watched watches} (CPU time of executions, formula limits), and the {@link MemoryGuard} retained
 * memory; a guest that cannot be stopped within {@link #GRACE_MS} of its limit is abandoned: the caller gets its
 * result on time, and the thread is quarantined until it ends. Each {@link Execution} keeps its own state; this
 * class drives its transitions.
 */
public final class GuestExecutor implements AutoCloseable {

    /** How long a stopped guest has to end before its caller is answered without it. */
    public static final long GRACE_MS = 250;
    /** How long a quick expression may take to get a context and be compiled before a fresh context is used. */
    private static final long QUICK_START_MS = 30_000;
    /** How often the watchdog samples CPU time and allocation. */
    static final long POLL_MS = 5;
    /** A context that takes longer than this to create is given up on. */
    static final long SETUP_TIMEOUT_MS = 120_000;

    private final ContextFactory contexts;
    private final ContextPools pools;
    private final Sources sources = new Sources();
    private final int warmUpRounds;
    /** Stateless Python expressions evaluated like formulas; null when the factory turned that off. */
    private final Expressions expressions;
    /** Cold Truffle frames are large: GraalPy needs about 8 MiB to reach its own recursion limit of 1000. */
    private static final long GUEST_STACK_BYTES = 16L << 20;

    private final ExecutorService guestThreads =
            Executors.newCachedThreadPool(daemon("sandlot-guest-", GUEST_STACK_BYTES));
    private final ExecutorService reapers = Executors.newCachedThreadPool(daemon("sandlot-reaper-", 0));
    private final ScheduledThreadPoolExecutor watchdog = newWatchdog();
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();
    private final Set<Execution> quarantined = ConcurrentHashMap.newKeySet();
    /** Quick expressions left running past their wait (see {@link #quickly}), with their context's engine. */
    private final Map<CompletableFuture<ExecutionResult>, AtomicReference<Engine>> abandonedExpressions =
            new ConcurrentHashMap<>();
    private final Set<Watched> formulas = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    /** Guest threads quick expressions may hold at once, counting those left behind by {@link #quickly}. */
    private final Semaphore quickThreads;
    /** One chart rendered at a time: a renderer context costs tens of MiB and the first one seconds to make. */
    private final ChartRenderer charts = new ChartRenderer(1, Duration.ofSeconds(60), Duration.ofSeconds(20));
    private final MemoryGuard memory = new MemoryGuard(() -> running, this::stop);
    private volatile boolean closed;

    /**
     * @param maxConcurrency executions that may run at once; further callers wait for a slot
     * @param preloads what pooled contexts of each language import ahead of time
     */
    public GuestExecutor(Engines engines, int maxConcurrency, Map<Language, Integer> poolSizes,
            Map<Language, List<String>> preloads, int warmUpRounds, boolean quickExpressions) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        if (!Threads.supported()) {
            throw new SandboxException("this JVM cannot measure per-thread CPU time and allocation");
        }
        this.contexts = new ContextFactory(engines, this::stop, charts);
        this.pools = new ContextPools(contexts, poolSizes, preloads);
        this.warmUpRounds = warmUpRounds;
        this.expressions = quickExpressions ? new Expressions(this) : null;
        this.slots = new Semaphore(maxConcurrency, true);
        this.quickThreads = new Semaphore(Math.max(2, maxConcurrency));
        watchdog.scheduleWithFixedDelay(this::sample, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Validates {@code request} against {@code policy} and starts it.
     *
     * @throws IllegalArgumentException if the request breaks the policy (language, code or input size, inputs)
     * @throws SandboxException if the executor is closed
     */
    public CompletableFuture<ExecutionResult> submit(Policy policy, ExecutionRequest request) {
        return submit(policy, request, OutputListener.NONE);
    }

    /**
     * Validates {@code request} against {@code policy} and starts it, telling {@code listener} what the guest
     * shows as it runs (a quick expression shows nothing but its value).
     *
     * @throws IllegalArgumentException if the request breaks the policy (language, code or input size, inputs)
     * @throws SandboxException if the executor is closed
     */
    public CompletableFuture<ExecutionResult> submit(Policy policy, ExecutionRequest request,
            OutputListener listener) {
        Limits limits = request.limits().orElse(policy.limits());
        Expressions.Candidate candidate = expressions == null || closed ? null : expressions.candidate(request);
        if (candidate != null) {
            validate(policy, request, limits);
            ExecutionResult result = quickly(candidate, policy, request, limits);
            if (result != null) {
                OutputListener.replay(result, listener);
                return CompletableFuture.completedFuture(result);
            }
        }
        return submit(policy, request, limits, new FreshContext(policy, request.language(), limits.maxStatements()),
                listener);
    }

    /**
     * Evaluates a quick expression on a guest thread; null if it is not one (then a fresh context runs it). Not on
     * the caller's thread: one long host-side operation, such as a power of a huge integer ({@code round(1,
     * -10**8)} computes {@code 10**(10**8)}), is out of every interrupt's reach, and the caller must be answered on
     * time all the same. So the caller waits at most {@link Expressions#BUDGET_MS} plus the request's timeout; an
     * evaluation still running then is answered {@code timeout}, as a fresh context would be after running the same
     * operation for that long, and left to end on its thread, counted as quarantined. While
     * {@link #quickThreads} evaluations are out, further expressions go straight to fresh contexts, whose slots
     * bound them.
     */
    private ExecutionResult quickly(Expressions.Candidate candidate, Policy policy, ExecutionRequest request,
            Limits limits) {
        if (!quickThreads.tryAcquire()) {
            return null;
        }
        AtomicReference<Engine> engine = new AtomicReference<>();
        CompletableFuture<Long> started = new CompletableFuture<>();
        CompletableFuture<ExecutionResult> evaluation;
        try {
            evaluation = CompletableFuture.supplyAsync(() -> expressions.tryExecute(candidate, policy, request,
                    limits, calledIn -> {
                        engine.set(calledIn);
                        started.complete(System.nanoTime());
                    }), guestThreads);
        } catch (RejectedExecutionException e) {
            quickThreads.release();
            return null;
        }
        evaluation.whenComplete((result, failure) -> quickThreads.release());
        try {
            // making or compiling in an expression context is bounded work: the clock starts with the call
            CompletableFuture.anyOf(started, evaluation).get(QUICK_START_MS, TimeUnit.MILLISECONDS);
            if (evaluation.isDone() || limits.timeoutMs() == 0) {
                return evaluation.get();
            }
            long waitNanos = TimeUnit.MILLISECONDS.toNanos(Expressions.BUDGET_MS + limits.timeoutMs())
                    - (System.nanoTime() - started.get());
            return evaluation.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (!started.isDone()) {
                return null;   // no expression context in time: a fresh one runs the request
            }
            abandonedExpressions.put(evaluation, engine);
            evaluation.whenComplete((result, failure) -> abandonedExpressions.remove(evaluation));
            double wallMs = (System.nanoTime() - started.join()) / 1e6;
            return new ExecutionResult(Status.TIMEOUT, null, "", "",
                    GuestError.of(Status.TIMEOUT.id(), Limit.TIMEOUT_MS.breach(limits.timeoutMs())),
                    new ExecutionStats(wallMs, 0, 0, Math.max(0, wallMs - limits.timeoutMs())));
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // the fresh path reports it
            return null;
        }
    }

    /**
     * Runs {@code request} in a context from {@code lease}, telling {@code listener} its output as it comes; see
     * {@link #submit(Policy, ExecutionRequest)}.
     */
    CompletableFuture<ExecutionResult> submit(Policy policy, ExecutionRequest request, Limits limits,
            ContextLease lease, OutputListener listener) {
        validate(policy, request, limits);
        if (closed) {
            throw new SandboxException("the sandbox factory is closed");
        }
        Execution execution = new Execution(request, limits, lease, this::stop, listener);
        execution.future().whenComplete((r, t) -> {
            if (t instanceof CancellationException) {
                stop(execution, Status.CANCELLED);
            }
        });
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return execution.cancelBeforeStart("interrupted while waiting for a slot");
        }
        int reservedMb;
        try {
            reservedMb = memory.reserve(limits.maxMemoryMb());
        } catch (InterruptedException e) {
            slots.release();
            Thread.currentThread().interrupt();
            return execution.cancelBeforeStart("interrupted while waiting for memory");
        }
        running.add(execution);
        // Until the guest phase starts, only this bounds the wait; the wall-time timer takes over from then on.
        execution.admit(reservedMb, watchdog.schedule(() -> stop(execution, Status.INTERNAL_ERROR), SETUP_TIMEOUT_MS,
                TimeUnit.MILLISECONDS));
        try {
            guestThreads.execute(() -> run(execution));
        } catch (RuntimeException e) {
            execution.cancelTimer();
            release(execution);
            throw new SandboxException("cannot start a guest thread", e);
        }
        return execution.future();
    }

    /** Executions currently running, abandoned ones excluded. */
    public int runningCount() {
        return running.size();
    }

    /** Guest threads that could not be stopped and still run; see the README on abandoned threads. */
    public int quarantinedCount() {
        return quarantined.size() + abandonedExpressions.size();
    }

    /** The engines that quarantined guest threads still run in: closing one would wait for its thread to end. */
    public Set<Engine> quarantinedEngines() {
        Set<Engine> held = new HashSet<>();
        for (Execution execution : quarantined) {
            GuestContext guest = execution.guest();
            if (guest != null) {
                held.add(guest.engine);
            }
        }
        for (AtomicReference<Engine> engine : abandonedExpressions.values()) {
            if (engine.get() != null) {
                held.add(engine.get());
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
        if (!request.arguments().isEmpty() && request.language() == Language.SQL) {
            throw new IllegalArgumentException("arguments are a script's: language sql takes none");
        }
        if (!request.files().isEmpty()) {
            validateFiles(policy, request.files());
        }
        if (limits.maxInputBytes() > 0 && (!request.inputs().isEmpty() || !request.arguments().isEmpty())) {
            long inputBytes = (request.inputs().isEmpty() ? 0 : jsonBytes(request.inputs()))
                    + (request.arguments().isEmpty() ? 0 : jsonBytes(request.arguments()));
            if (inputBytes > limits.maxInputBytes()) {
                throw new IllegalArgumentException(Limit.MAX_INPUT_BYTES.refusal(limits.maxInputBytes(), inputBytes));
            }
        }
    }

    /**
     * A request's files must fit the working directory the policy gives each execution: a writable one, whose quota
     * holds them all (in whole blocks, as the tree counts them), none of them a folder of another.
     */
    private static void validateFiles(Policy policy, Map<String, byte[]> files) {
        long quota = policy.fileSystemQuotaBytes();
        if (quota <= 0) {
            throw new IllegalArgumentException("files need a writable working directory, and this policy gives none"
                    + " (Policy.Builder.virtualFileSystem)");
        }
        long space = 0;
        long bytes = 0;
        Map<String, String> folders = new HashMap<>();   // each folder a file needs -> that file
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            int size = file.getValue().length;
            bytes += size;
            space += MemoryFileSystem.spaceFor(size);
            String path = file.getKey();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                folders.putIfAbsent(path.substring(0, slash), path);
            }
        }
        for (String path : files.keySet()) {
            if (folders.containsKey(path)) {
                throw new IllegalArgumentException("file '" + path + "' cannot also be the folder of '"
                        + folders.get(path) + "'");
            }
        }
        if (space > quota) {
            throw new IllegalArgumentException("the request's " + files.size() + " file(s) are " + bytes
                    + " bytes (" + space + " in " + MemoryFileSystem.BLOCK_SIZE
                    + "-byte blocks), more than the working directory's quota of " + quota + " bytes");
        }
    }

    private static long jsonBytes(Object value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
    }

    /** @throws IllegalArgumentException if the policy does not allow {@code language} */
    static void requireAllowed(Policy policy, Language language) {
        if (!policy.languages().contains(language)) {
            throw new IllegalArgumentException("language " + language + " is not allowed by the policy; allowed: "
                    + policy.languages());
        }
    }

    /** Runs {@code execution} on the current (guest) thread, then answers its caller. */
    private void run(Execution execution) {
        try {
            execution.run(sources, () -> beginGuestPhase(execution), memory::ended, GRACE_MS);
        } finally {
            release(execution);   // the concurrency slot comes back whatever happened to the context
            execution.answer();
        }
    }

    private void beginGuestPhase(Execution execution) {
        execution.beginGuestPhase(memory.open(execution.limits.maxMemoryMb()), () -> {
            long timeoutMs = execution.limits.timeoutMs();
            return timeoutMs > 0
                    ? watchdog.schedule(() -> stop(execution, Status.TIMEOUT), timeoutMs, TimeUnit.MILLISECONDS)
                    : null;
        });
    }

    /** Puts a formula instance under the watchdog's limits. */
    void watch(FormulaInstance instance) {
        formulas.add(instance);
    }

    void unwatch(FormulaInstance instance) {
        formulas.remove(instance);
    }

    /** Runs {@code task} (closing a context, which can block) on a reaper thread. */
    void reap(Runnable task) {
        reapers.execute(task);
    }

    /** The watchdog's periodic check of formula limits, CPU time and retained memory. */
    private void sample() {
        long now = System.nanoTime();
        poll(formulas, now);
        poll(running, now);
        memory.check();
    }

    private static void poll(Set<? extends Watched> watched, long now) {
        for (Watched work : watched) {
            Status broken = work.brokenLimit(now);
            if (broken != null) {
                work.stop(broken);
            }
        }
    }

    /**
     * Stops {@code execution} for {@code reason} if nothing stopped it yet: its context is stopped from a reaper
     * thread (closing can block while a guest ignores cancellation), and after {@link #GRACE_MS} the caller is
     * answered whether or not the guest thread has ended.
     */
    void stop(Execution execution, Status reason) {
        if (!execution.startStopping(reason, reapers)) {
            return;
        }
        try {
            watchdog.schedule(() -> abandonIfRunning(execution), GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            abandonIfRunning(execution);
        }
    }

    private void abandonIfRunning(Execution execution) {
        // Quarantine before answering, so that a caller who then asks sees the abandoned thread.
        execution.abandon(() -> {
            quarantined.add(execution);
            running.remove(execution);
            releaseSlot(execution);
        });
    }

    /** Called once the guest thread is done with {@code execution}, abandoned or not. */
    private void release(Execution execution) {
        execution.release(() -> {
            running.remove(execution);
            if (!quarantined.remove(execution)) {
                releaseSlot(execution);
            }
        });
    }

    /** Hands back the concurrency slot and the memory reservation of {@code execution}. */
    private void releaseSlot(Execution execution) {
        memory.release(execution.reservedMb());
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
            if (!language.isPolyglot()) {
                continue;   // no context to warm; DuckDB starts per workspace
            }
            pools.prewarm(policy, language, policy.limits().maxStatements(), warmUpRounds);
        }
    }

    /** A pooled context of this shape if one is ready now, else null (see {@link ContextPools#poll}). */
    GuestContext readyContext(Policy policy, Language language, long maxStatements) {
        return pools.poll(policy, language, maxStatements);
    }

    /** What the executor, its pools and caches hold and have done. */
    public SandboxStats stats() {
        return new SandboxStats(running.size(), quarantinedCount(), pools.readyCounts(), pools.hits(),
                pools.misses(), sources.size(), sources.stats().hitCount(), sources.stats().missCount(), 0, 0);
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
        if (expressions != null) {
            expressions.close();
        }
        charts.close();
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
