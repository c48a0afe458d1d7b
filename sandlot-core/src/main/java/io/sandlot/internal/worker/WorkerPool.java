package io.sandlot.internal.worker;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.GuestError;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.SandboxException;
import io.sandlot.Status;
import io.sandlot.wire.Json;
import io.sandlot.wire.Requests;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The supervisor of the worker-process tier: a pool of pre-started worker JVMs ({@link WorkerMain}) with a capped
 * heap ({@code -Xmx}, exit on OutOfMemoryError) and, where {@code prlimit} exists, OS limits (open files, CPU
 * seconds, address space, no core dumps). Each execution borrows a worker. A worker is killed with SIGKILL and replaced when it
 * overruns the hard deadline ({@code timeoutMs} plus {@link #HARD_GRACE_MS}), when it dies, and when it reports an
 * abandoned guest thread, so that nothing a guest started outlives its execution by more than the deadline.
 */
public final class WorkerPool implements AutoCloseable {

    /** The line a worker prints once it can take requests. */
    static final String READY = "{\"ready\":true}";
    /** How much longer than its own wall-time limit a worker may take before it is killed. */
    public static final long HARD_GRACE_MS = 5_000;
    private static final long START_TIMEOUT_MS = 180_000;
    /** A backstop on a worker's total CPU time; the OS kills it past this, and it is replaced. */
    private static final long CPU_SECONDS = 3_600;
    /**
     * Address space a worker may map beyond its heap. A worker with a 512 MiB heap was measured at a peak of
     * 3.5 GiB of virtual memory (class space, code cache, thread stacks, malloc arenas reserve far more than they
     * use); this leaves about twice that, so the limit stops a runaway, never normal work.
     */
    private static final long ADDRESS_SPACE_BEYOND_HEAP_MB = 6_144;
    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    private final int size;
    private final List<String> command;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final Set<Worker> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(daemon("sandlot-worker-starter"));
    private final ExecutorService callers = Executors.newCachedThreadPool(daemon("sandlot-worker-call"));
    private final AtomicBoolean started = new AtomicBoolean();
    private final LongAdder restarts = new LongAdder();
    private volatile boolean closed;

    /**
     * @param size workers to keep running
     * @param heapMb the {@code -Xmx} of each worker, in MiB
     */
    public WorkerPool(int size, int heapMb) {
        if (size < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + size);
        }
        if (heapMb < 64) {
            throw new IllegalArgumentException("workerHeapMb must be >= 64, was " + heapMb);
        }
        this.size = size;
        this.command = command(heapMb);
    }

    /** Runs {@code request} in a worker; the future completes with the result, never exceptionally. */
    public CompletableFuture<ExecutionResult> submit(Policy policy, ExecutionRequest request, Limits limits) {
        if (closed) {
            throw new SandboxException("the sandbox factory is closed");
        }
        if (started.compareAndSet(false, true)) {
            for (int i = 0; i < size; i++) {
                startOne();
            }
        }
        Map<String, Object> envelope = Requests.toMap(request);
        envelope.put("limits", limits.toMap());   // resolved here: the worker knows nothing of the policy
        envelope.remove("isolation");             // inside the worker, the guest runs in-process
        envelope.put("fileSystemQuotaBytes", policy.fileSystemQuotaBytes());
        String line = Json.write(envelope);
        return CompletableFuture.supplyAsync(() -> run(line, limits), callers);
    }

    /** Workers running now. */
    public int liveWorkers() {
        return live.size();
    }

    /** Workers killed and replaced so far. */
    public long restarts() {
        return restarts.sum();
    }

    /** Process ids of the running workers. */
    public List<Long> pids() {
        return live.stream().map(Worker::pid).toList();
    }

    private ExecutionResult run(String line, Limits limits) {
        long start = System.nanoTime();
        Worker worker;
        try {
            worker = borrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExecutionResult.notRun(Status.CANCELLED, "interrupted while waiting for a worker");
        }
        if (worker == null) {
            return ExecutionResult.notRun(Status.INTERNAL_ERROR, "no worker process could be started");
        }
        long hardMs = limits.timeoutMs() > 0 ? limits.timeoutMs() + HARD_GRACE_MS : TimeUnit.DAYS.toMillis(1);
        String reply;
        try {
            reply = worker.call(line, start + TimeUnit.MILLISECONDS.toNanos(hardMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replace(worker);
            return ExecutionResult.notRun(Status.CANCELLED, "interrupted; the worker was killed");
        }
        if (reply == null) {
            replace(worker);
            return failure(Status.TIMEOUT, "the worker overran its hard deadline of " + hardMs
                    + " ms (timeoutMs + " + HARD_GRACE_MS + ") and was killed", start);
        }
        if (Worker.EOF.equals(reply)) {
            replace(worker);
            return failure(Status.CRASHED, "the worker process died during the execution", start);
        }
        Map<?, ?> parsed;
        try {
            parsed = (Map<?, ?>) Json.parse(reply);
        } catch (RuntimeException e) {
            replace(worker);
            return failure(Status.CRASHED, "the worker broke the protocol: " + e.getMessage(), start);
        }
        if (((Number) parsed.get("quarantined")).intValue() > 0) {
            replace(worker);   // it holds a guest thread that no interrupt stopped: only the OS can end it
        } else {
            idle.add(worker);
        }
        return ExecutionResult.fromMap((Map<?, ?>) parsed.get("result"));
    }

    private static ExecutionResult failure(Status status, String message, long startNanos) {
        return new ExecutionResult(status, null, "", "", GuestError.of(status.id(), message),
                new ExecutionStats((System.nanoTime() - startNanos) / 1e6, 0, 0, null));
    }

    private Worker borrow() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (!closed) {
            Worker worker = idle.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (worker == null) {
                return null;
            }
            if (worker.isAlive()) {
                return worker;
            }
            replace(worker);
        }
        return null;
    }

    private void replace(Worker worker) {
        worker.kill();
        if (live.remove(worker)) {
            restarts.increment();
            startOne();
        }
    }

    private void startOne() {
        if (closed) {
            return;
        }
        starter.execute(() -> {
            try {
                Worker worker = Worker.start(command, START_TIMEOUT_MS);
                if (closed) {
                    worker.kill();
                    return;
                }
                live.add(worker);
                idle.add(worker);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot start a worker process", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * The worker's command line: this JVM's own java and JVM options (module path, JIT flags) minus heap settings
     * and agents, the given heap cap, and {@code prlimit} in front where it exists.
     */
    private static List<String> command(int heapMb) {
        List<String> command = new ArrayList<>();
        Path prlimit = Path.of("/usr/bin/prlimit");
        if (Files.isExecutable(prlimit)) {
            long addressSpaceBytes = (heapMb + ADDRESS_SPACE_BEYOND_HEAP_MB) << 20;
            command.addAll(List.of(prlimit.toString(), "--nofile=4096", "--core=0", "--cpu=" + CPU_SECONDS,
                    "--as=" + addressSpaceBytes, "--"));
        }
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-Xmx") && !argument.startsWith("-Xms") && !argument.startsWith("-javaagent")
                    && !argument.startsWith("-agentlib") && !argument.startsWith("-XX:+HeapDumpOnOutOfMemoryError")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr",
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        return command;
    }

    /** Kills every worker. */
    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        for (Worker worker : live) {
            worker.kill();
        }
        live.clear();
        callers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
