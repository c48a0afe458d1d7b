package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.OutputListener;
import io.sandlot.Policy;
import io.sandlot.Results;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.sql.SqlWorkspace;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session: one long-lived context and its file system, run through the shared {@link GuestExecutor} one execution
 * at a time. A limit interrupts the guest ({@code Context.interrupt}), which keeps the context usable; only if the
 * interrupt does not land within {@link #SESSION_GRACE_MS}, or the statement limit fired (GraalVM cancels the
 * context then), is the session closed. An execution never enters the context while an earlier one's thread is
 * still in it.
 */
final class LocalSession implements Session, ContextLease {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How long a session waits for a stopped guest to let go of its context before it gives the session up. The
     * caller has its result after {@link GuestExecutor#GRACE_MS} either way; the session waits longer because giving
     * it up loses the user's state, and on a loaded machine an interrupt can take longer than that grace to land.
     */
    static final long SESSION_GRACE_MS = 2_000;
    /** How long one interrupt waits to land before it is sent again; see {@link #stop}. */
    private static final long INTERRUPT_RETRY_MS = 20;

    private final String id;
    private final Language language;
    private final Policy policy;
    private final Limits limits;
    private final GuestExecutor executor;
    private final MemoryFileSystem files;
    private final AtomicReference<Execution> attached = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    /** The execution {@link #interrupt()} stopped: its {@code cancelled} must not end the session. */
    private final AtomicReference<Execution> interrupted = new AtomicReference<>();
    private volatile boolean open = true;
    private volatile long lastUsedNanos = System.nanoTime();
    private GuestContext guest;
    /**
     * Held while the context is handed to an execution ({@link #acquire}) and while a stop interrupts it, so that an
     * interrupt meant for one execution never reaches the next.
     */
    private final Object handoff = new Object();
    /** The session's SQL tables, opened on its first query and kept warm; see {@link #sqlTables()}. */
    private SqlWorkspace tables;

    LocalSession(Language language, Policy policy, Limits limits, GuestExecutor executor) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.language = language;
        this.policy = policy;
        this.limits = limits;
        this.executor = executor;
        // A pre-warmed context (with its own file system) if the pool has one ready, else one made at first use.
        this.guest = executor.readyContext(policy, language, limits.maxStatements());
        this.files = guest != null ? guest.files : ContextFactory.newFileSystem(policy, attached);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public ExecutionResult execute(String code, Map<String, ?> inputs) {
        return execute(code, inputs, OutputListener.NONE);
    }

    /** Tells {@code listener} the output as the guest produces it. */
    @Override
    public ExecutionResult execute(String code, Map<String, ?> inputs, OutputListener listener) {
        Objects.requireNonNull(listener, "listener");
        ExecutionRequest request = ExecutionRequest.newBuilder(language, code).inputs(inputs).limits(limits).build();
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("session " + id + " is running another execution");
        }
        try {
            awaitPreviousExecution();
            if (!open) {
                return closedResult();
            }
            ExecutionResult callerInterrupted = closedResult();
            ExecutionResult result = Results.await(executor.submit(policy, request, limits, this, listener),
                    () -> callerInterrupted);
            // Only a result of the execution itself can end the session; an interrupted caller leaves it as it is,
            // and so does interrupt(), unless the guest ignored it (then stop() closed the session already).
            boolean byInterrupt = interrupted.getAndSet(null) != null && result.status() == Status.CANCELLED;
            if (result != callerInterrupted && !byInterrupt && endsTheSession(result.status())) {
                close();
            }
            return result;
        } finally {
            lastUsedNanos = System.nanoTime();
            busy.set(false);
        }
    }

    /**
     * Waits for an execution whose caller was answered while its thread was still in the context (it was abandoned
     * after a stop, or its caller was interrupted) to let go; gives the session up if it does not within
     * {@link #SESSION_GRACE_MS}.
     */
    private void awaitPreviousExecution() {
        Execution holding = running();
        if (holding == null) {
            return;
        }
        try {
            if (!holding.awaitReleased(SESSION_GRACE_MS)) {
                closeAbandoned();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while session " + id + " waited for its last execution", e);
        }
    }

    private static ExecutionResult closedResult() {
        return ExecutionResult.notRun(Status.CANCELLED, "the session is closed");
    }

    @Override
    public synchronized GuestContext acquire() {
        synchronized (handoff) {
            if (!open) {
                throw new IllegalStateException("session " + id + " is closed");
            }
            if (guest == null) {
                guest = executor.contexts().create(policy, language, limits.maxStatements(), files, attached);
            } else if (limits.maxStatements() > 0) {
                guest.context.resetLimits();
            }
            return guest;
        }
    }

    /** GraalVM cancels a context that hits its statement limit; a cancelled execution was stopped by closing. */
    private static boolean endsTheSession(Status status) {
        return status == Status.STATEMENT_LIMIT || status == Status.CANCELLED;
    }

    @Override
    public void release(GuestContext context, Execution execution) {
        // the context stays open for the next execution
    }

    /**
     * Interrupts the running execution as a limit would ({@code Context.interrupt}, so the context and its state
     * stay); its result says {@code cancelled}. A guest that ignores the interrupt for the grace period costs the
     * session, as after a limit.
     */
    @Override
    public boolean interrupt() {
        Execution running = running();
        if (running == null) {
            return false;
        }
        interrupted.set(running);
        executor.stop(running, Status.CANCELLED);
        return true;
    }

    /**
     * The execution running in the session's context, or null (a pooled context reports to its own reference); in
     * a session without a context (language sql), the query running now.
     */
    private Execution running() {
        GuestContext context;
        synchronized (this) {
            context = guest;
        }
        return context == null ? attached.get() : context.attached();
    }

    @Override
    public void runningQuery(Execution execution) {
        attached.set(execution);
    }

    @Override
    public synchronized SqlWorkspace sqlTables() {
        if (!open) {
            throw new IllegalStateException("session " + id + " is closed");
        }
        if (tables == null) {
            tables = SqlWorkspace.open(limits.effectiveMemoryMb());
        }
        return tables;
    }

    @Override
    public MemoryFileSystem files() {
        return files;
    }

    /**
     * Interrupts {@code execution} until its code has ended, for at most {@link #SESSION_GRACE_MS}; then, unless
     * its thread let go of the context meanwhile, gives the session up. An interrupt reaches only a thread inside the
     * context, so code that starts just after it (the stop came while the execution was binding its inputs) would
     * run on: the interrupt is sent again every {@value #INTERRUPT_RETRY_MS} ms until the code has ended.
     */
    @Override
    public void stop(GuestContext context, Execution execution) {
        if (endsTheSession(execution.stopReason()) && interrupted.get() != execution) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SESSION_GRACE_MS);
        try {
            while (true) {
                synchronized (handoff) {
                    if (context.attached() != execution || execution.guestCodeEnded()) {
                        return;   // nothing left to interrupt
                    }
                    try {
                        context.context.interrupt(Duration.ofMillis(INTERRUPT_RETRY_MS));
                    } catch (TimeoutException notYet) {
                        // still running: wait below, then send it again
                    }
                }
                if (execution.awaitReleased(INTERRUPT_RETRY_MS)) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    closeAbandoned();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAbandoned();
        } catch (RuntimeException e) {
            closeAbandoned();
        }
    }

    /** The guest of the last execution ignored every request to stop: give up the whole session. */
    private void closeAbandoned() {
        open = false;
        GuestContext context;
        synchronized (this) {
            context = guest;
        }
        if (context != null) {
            Thread.ofPlatform().daemon().name("sandlot-session-reaper").start(() -> context.close(true));
        }
    }

    @Override
    public void writeFile(String path, byte[] data) {
        touch();
        try {
            files.writeFile(path, data);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        touch();
        try {
            return Optional.of(files.readFile(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<FileInfo> listFiles() {
        touch();
        return files.list().stream().map(entry -> new FileInfo(entry.path(), entry.size())).toList();
    }

    @Override
    public boolean deleteFile(String path) {
        touch();
        try {
            return files.deleteFile(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long idleMillis() {
        return busy.get() ? 0 : (System.nanoTime() - lastUsedNanos) / 1_000_000;
    }

    private void touch() {
        lastUsedNanos = System.nanoTime();
    }

    @Override
    public void close() {
        Execution running = running();
        if (running != null) {
            executor.stop(running, Status.CANCELLED);
        }
        GuestContext context;
        SqlWorkspace closing;
        synchronized (this) {
            if (!open && guest == null && tables == null) {
                return;
            }
            open = false;
            context = guest;
            guest = null;
            closing = tables;
            tables = null;
        }
        if (closing != null) {
            // waits for a query in flight, which the stop above cancelled
            Thread.ofPlatform().daemon().name("sandlot-session-sql-close").start(closing::close);
        }
        if (context != null) {
            // close(true) can block while a guest ignores cancellation; never make the caller wait for it.
            Thread.ofPlatform().daemon().name("sandlot-session-close").start(() -> context.close(true));
        } else {
            try {
                files.close();
            } catch (IOException ignored) {
                // nothing to flush
            }
        }
    }

    @Override
    public String toString() {
        return "Session{" + id + ", " + language + (open ? "" : ", closed") + "}";
    }
}
