package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.GuestError;
import io.sandlot.HostFunction;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.SandboxException;
import io.sandlot.Status;
import io.sandlot.internal.convert.GuestValues;
import io.sandlot.internal.convert.Json;
import io.sandlot.internal.engine.EngineShape;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.fs.MemoryFileSystem;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The one execution path behind every front end. Guests run on threads the executor owns, never on the caller's;
 * a watchdog enforces wall time, CPU time and allocation; a guest that cannot be stopped within {@link #GRACE_MS}
 * of its limit is abandoned: the caller gets its result on time, and the thread is quarantined until it ends.
 */
public final class Executor implements AutoCloseable {

    /** How long a stopped guest has to end before its caller is answered without it. */
    public static final long GRACE_MS = 250;
    /** How often the watchdog samples CPU time and allocation. */
    static final long POLL_MS = 5;
    /** A context that takes longer than this to create is given up on. */
    static final long SETUP_TIMEOUT_MS = 120_000;
    private static final String WORKING_DIRECTORY = "/work";
    /** Counting skips only the sandbox's own helper sources: guest code cannot name a source to escape it. */
    private static final Predicate<Source> COUNTED = source -> !Dialect.isInternal(source);

    private final Engines engines;
    /** Cold Truffle frames are large: GraalPy needs about 8 MiB to reach its own recursion limit of 1000. */
    private static final long GUEST_STACK_BYTES = 16L << 20;

    private final ExecutorService guestThreads =
            Executors.newCachedThreadPool(daemon("sandlot-guest-", GUEST_STACK_BYTES));
    private final ExecutorService reapers = Executors.newCachedThreadPool(daemon("sandlot-reaper-", 0));
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(daemon("sandlot-watchdog-", 0));
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();
    private final Set<Execution> quarantined = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private volatile boolean closed;

    /**
     * @param maxConcurrency executions that may run at once; further callers wait for a slot
     */
    public Executor(Engines engines, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        if (!Threads.supported()) {
            throw new SandboxException("this JVM cannot measure per-thread CPU time and allocation");
        }
        this.engines = engines;
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
        validate(policy, request, limits);
        if (closed) {
            throw new SandboxException("the sandbox factory is closed");
        }
        Execution[] holder = new Execution[1];
        Execution execution = new Execution(request, limits, () -> stop(holder[0], Status.OUTPUT_LIMIT));
        holder[0] = execution;
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
        running.add(execution);
        try {
            guestThreads.execute(() -> run(policy, execution));
        } catch (RuntimeException e) {
            release(execution);
            throw new SandboxException("cannot start a guest thread", e);
        }
        watchdog.schedule(() -> {
            if (execution.startNanos == 0 && !execution.result.isDone()) {
                stop(execution, Status.INTERNAL_ERROR);
            }
        }, SETUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
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

    private static void validate(Policy policy, ExecutionRequest request, Limits limits) {
        if (!policy.languages().contains(request.language())) {
            throw new IllegalArgumentException("language " + request.language() + " is not allowed by the policy; allowed: "
                    + policy.languages());
        }
        long codeBytes = request.code().getBytes(StandardCharsets.UTF_8).length;
        if (limits.maxCodeBytes() > 0 && codeBytes > limits.maxCodeBytes()) {
            throw new IllegalArgumentException("code is " + codeBytes + " bytes, above maxCodeBytes=" + limits.maxCodeBytes());
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
                throw new IllegalArgumentException("inputs are " + inputBytes + " bytes of JSON, above maxInputBytes="
                        + limits.maxInputBytes());
            }
        }
    }

    private void run(Policy policy, Execution execution) {
        execution.thread = Thread.currentThread();
        Context context = null;
        try {
            context = newContext(policy, execution);
            execution.context = context;
            ExecutionResult result = execution.stopReason.get() != null
                    ? execution.stopped(execution.stopReason.get(), null)
                    : execution.evaluate(context, () -> beginGuestPhase(execution));
            endGuestPhase(execution);
            execution.result.complete(result);
        } catch (Throwable t) {
            endGuestPhase(execution);
            Status reason = execution.stopReason.get();
            execution.result.complete(reason != null ? execution.stopped(reason, null)
                    : new ExecutionResult(Status.INTERNAL_ERROR, null, execution.output.stdoutText(),
                    execution.output.stderrText(), GuestError.of(Status.INTERNAL_ERROR.id(), String.valueOf(t)),
                    execution.stats()));
        } finally {
            closeQuietly(context, execution.stopReason.get() != null);
            closeQuietly(execution.files);
            release(execution);
        }
    }

    private Context newContext(Policy policy, Execution execution) {
        Limits limits = execution.limits;
        boolean countsStatements = limits.maxStatements() > 0;
        long quota = policy.fileSystemQuotaBytes();
        MemoryFileSystem files = new MemoryFileSystem(WORKING_DIRECTORY, Math.max(quota, 1), quota > 0,
                denial -> execution.denied.set(true));
        execution.files = files;
        Context.Builder builder = Context.newBuilder(execution.dialect.language().graalId())
                .engine(engines.get(new EngineShape(countsStatements)))
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowHostClassLoading(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(files.guestFileSystem())
                        .allowHostSocketAccess(false).build())
                .currentWorkingDirectory(Path.of(WORKING_DIRECTORY))
                .in(InputStream.nullInputStream())
                .out(execution.output.stdout())
                .err(execution.output.stderr())
                .timeZone(ZoneOffset.UTC)
                .options(execution.dialect.options());
        if (countsStatements) {
            builder.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(limits.maxStatements(), COUNTED)
                    .onLimit(event -> stop(execution, Status.STATEMENT_LIMIT))
                    .build());
        }
        Context context = builder.build();
        // Languages initialise lazily, on first use; doing it here keeps their start-up out of the guest's limits.
        context.initialize(execution.dialect.language().graalId());
        exposeHostFunctions(context, execution.dialect, policy.hostFunctions());
        return context;
    }

    private static void exposeHostFunctions(Context context, Dialect dialect, Map<String, HostFunction> functions) {
        if (functions.isEmpty()) {
            return;
        }
        Value wrap = dialect.hostFunctionWrapper(context);
        Value bindings = context.getBindings(dialect.language().graalId());
        functions.forEach((name, function) ->
                bindings.putMember(name, wrap.execute(hostProxy(function, dialect), name)));
    }

    /** A proxy that exchanges JSON text with the guest-side wrapper, so no host object ever reaches the guest. */
    private static ProxyExecutable hostProxy(HostFunction function, Dialect dialect) {
        return arguments -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            try {
                List<Object> copies = new ArrayList<>(arguments.length);
                for (Value argument : arguments) {
                    copies.add(GuestValues.toJava(argument, dialect.language(), 1 << 20));
                }
                Object value = function.call(copies);
                Json.requireJsonLike("the host function's return value", value);
                reply.put("ok", true);
                reply.put("value", value);
            } catch (Exception e) {
                reply.clear();
                reply.put("ok", false);
                reply.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            return Json.write(reply);
        };
    }

    private void beginGuestPhase(Execution execution) {
        Thread thread = Thread.currentThread();
        execution.startNanos = System.nanoTime();
        execution.cpuStartNanos = Threads.cpuNanos(thread);
        execution.allocatedStart = Threads.allocatedBytes(thread);
        execution.inGuestPhase = true;
        long timeoutMs = execution.limits.timeoutMs();
        if (timeoutMs > 0) {
            execution.timeoutTask = watchdog.schedule(() -> stop(execution, Status.TIMEOUT), timeoutMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void endGuestPhase(Execution execution) {
        execution.inGuestPhase = false;
        var task = execution.timeoutTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The watchdog's periodic check of CPU time and allocation. */
    private void sample() {
        for (Execution execution : running) {
            if (!execution.inGuestPhase || execution.stopReason.get() != null) {
                continue;
            }
            Thread thread = execution.thread;
            Limits limits = execution.limits;
            if (limits.cpuTimeMs() > 0
                    && Threads.cpuNanos(thread) - execution.cpuStartNanos > limits.cpuTimeMs() * 1_000_000) {
                stop(execution, Status.CPU_LIMIT);
            } else if (limits.maxMemoryMb() > 0
                    && Threads.allocatedBytes(thread) - execution.allocatedStart > limits.maxMemoryMb() << 20) {
                stop(execution, Status.MEMORY_LIMIT);
            }
        }
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
        Context context = execution.context;
        if (context != null) {
            reapers.execute(() -> closeQuietly(context, true));
        }
        try {
            watchdog.schedule(() -> abandonIfRunning(execution), GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            abandonIfRunning(execution);
        }
    }

    private void abandonIfRunning(Execution execution) {
        synchronized (execution) {
            if (execution.released.get()
                    || !execution.result.complete(execution.stopped(execution.stopReason.get(), null))) {
                return;
            }
            execution.abandoned = true;
            quarantined.add(execution);
            running.remove(execution);
            slots.release();
        }
    }

    /** Called once the guest thread is done with {@code execution}, abandoned or not. */
    private void release(Execution execution) {
        synchronized (execution) {
            if (!execution.released.compareAndSet(false, true)) {
                return;
            }
            running.remove(execution);
            if (!quarantined.remove(execution)) {
                slots.release();
            }
        }
    }

    private static void closeQuietly(Context context, boolean cancel) {
        if (context == null) {
            return;
        }
        try {
            context.close(cancel);
        } catch (RuntimeException ignored) {
            // Closing a cancelled or already closed context reports the cancellation again; nothing is lost.
        }
    }

    private static void closeQuietly(MemoryFileSystem files) {
        if (files != null) {
            try {
                files.close();
            } catch (java.io.IOException ignored) {
                // An in-memory tree has nothing to flush; closing only unregisters it.
            }
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
        guestThreads.shutdownNow();
        reapers.shutdown();
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
