package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.GuestError;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.OutputListener;
import io.sandlot.Status;
import io.sandlot.internal.engine.Sources;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.io.BoundedOutput;
import io.sandlot.internal.io.GuardedListener;
import io.sandlot.internal.lang.Dialect;
import io.sandlot.internal.lang.Dialects;
import io.sandlot.internal.lang.GuestErrors;
import io.sandlot.internal.lang.GuestValues;
import io.sandlot.internal.output.Artifacts;
import io.sandlot.internal.output.OutputLimitException;
import io.sandlot.internal.output.OutputLog;
import io.sandlot.internal.sql.SqlException;
import io.sandlot.internal.sql.SqlResult;
import io.sandlot.internal.sql.SqlWorkspace;
import io.sandlot.internal.sql.TableSource;
import io.sandlot.internal.sql.TableSources;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One execution in flight and its state machine: admitted (a concurrency slot and a memory reservation held),
 * running on its guest thread (bound to a context, then in its guest phase), stopping (the first reason to stop
 * wins), released (its thread is done with it) or abandoned (its thread could not be stopped in time). Its
 * {@link GuestExecutor} drives the transitions by calling its methods. The result future completes exactly once,
 * either from the guest thread or, if the guest cannot be stopped in time, on abandonment with what was captured
 * so far.
 */
final class Execution implements Watched {

    private static final Logger LOG = Logger.getLogger(Execution.class.getName());
    /** The type of the guest error of a failed or refused query in language {@code sql}. */
    static final String SQL_ERROR = "SqlError";

    /** The limits it runs under; immutable. */
    final Limits limits;
    /** What the guest showed with {@code display} and {@code chart}, then its artifacts. */
    final OutputLog outputs;
    private final ExecutionRequest request;
    private final Dialect dialect;
    private final BoundedOutput output;
    private final ContextLease lease;
    private final BiConsumer<Execution, Status> stopper;
    private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    private final AtomicReference<Status> stopReason = new AtomicReference<>();
    private final AtomicBoolean denied = new AtomicBoolean();
    /** Counted down once its guest thread is done with it (and with its context, if it had one). */
    private final CountDownLatch released = new CountDownLatch(1);

    private volatile GuestContext guest;
    private volatile Thread thread;
    private volatile boolean inGuestPhase;
    /** Set once the guest's code has returned or thrown; what follows is the sandbox's own work. */
    private volatile boolean guestCodeEnded;
    /** The setup timer until the guest phase starts, then the wall-time timer. */
    private volatile ScheduledFuture<?> timer;
    /** The stop in progress (closing or interrupting the context), once a limit or a cancellation fired. */
    private volatile CompletableFuture<Void> stopping;
    private volatile long startNanos;
    /** When the first stop request arrived; 0 if none did. */
    private volatile long stopNanos;
    private long cpuStartNanos;
    private long allocatedStart;
    /** What the memory guard knows of this execution; set when the guest phase starts. */
    private volatile MemoryAccount memory;
    /** The MiB of the memory budget this execution holds; see {@link MemoryGuard#reserve(long)}. */
    private int reservedMb;
    /** The result the guest thread built; guest thread only. */
    private ExecutionResult outcome;
    /** Cancels the SQL statement running now, or null; see {@link #whileQuerying(Runnable)}. */
    private volatile Runnable queryCancel;
    /** The SQL tables of a stateless execution, opened on its first query; guest thread only. */
    private SqlWorkspace ownTables;
    /** A stateless query's working directory, holding the request's files: a query runs without a context. */
    private MemoryFileSystem ownFiles;
    /** What was under the artifact directory before the guest ran; guest thread only. */
    private Artifacts artifactsBefore;

    /**
     * @param stopper how to stop this execution (when its output overflows, a limit breaks or it is cancelled)
     * @param listener told the guest's output and display outputs as they come, on the guest thread
     */
    Execution(ExecutionRequest request, Limits limits, ContextLease lease, BiConsumer<Execution, Status> stopper,
            OutputListener listener) {
        this.request = request;
        this.lease = lease;
        this.limits = limits;
        this.dialect = request.language().isPolyglot() ? Dialects.of(request.language()) : null;
        this.stopper = stopper;
        GuardedListener guarded = GuardedListener.of(listener);
        this.output = new BoundedOutput(limits.maxOutputBytes(), () -> stopper.accept(this, Status.OUTPUT_LIMIT),
                guarded);
        this.outputs = new OutputLog(limits, guarded);
    }

    /** The caller's future; cancelling it stops the execution. */
    CompletableFuture<ExecutionResult> future() {
        return result;
    }

    BoundedOutput output() {
        return output;
    }

    /** Why this execution stops, or null while nothing stopped it. */
    Status stopReason() {
        return stopReason.get();
    }

    /**
     * Waits up to {@code millis} for its guest thread to be done with it; true if it is.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitReleased(long millis) throws InterruptedException {
        return released.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The context it runs in, while it has one. */
    GuestContext guest() {
        return guest;
    }

    /** What the memory guard knows of it; null before the guest phase. */
    MemoryAccount memory() {
        return memory;
    }

    /** Whether the guest runs now and nothing has asked it to stop: the state in which limits are checked. */
    boolean isRunningGuest() {
        return inGuestPhase && stopReason.get() == null;
    }

    /** Whether the guest's code has returned or thrown (a stop that interrupts it has nothing left to reach). */
    boolean guestCodeEnded() {
        return guestCodeEnded;
    }

    /** Records that the sandbox denied the guest something, so that its failure reads as {@code denied}. */
    void markDenied() {
        denied.set(true);
    }

    /** Answers the caller without running: the execution was cancelled before it started. */
    CompletableFuture<ExecutionResult> cancelBeforeStart(String detail) {
        result.complete(stopped(Status.CANCELLED, detail));
        return result;
    }

    /**
     * Admitted: it holds a concurrency slot and {@code reservedMb} of the memory budget, and {@code setupTimer}
     * bounds how long it may take to reach its guest phase.
     */
    void admit(int reservedMb, ScheduledFuture<?> setupTimer) {
        this.reservedMb = reservedMb;
        this.timer = setupTimer;
    }

    /** The MiB of the memory budget it holds. */
    int reservedMb() {
        return reservedMb;
    }

    /** Cancels its timer, if it could not be started. */
    void cancelTimer() {
        ScheduledFuture<?> task = timer;
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * Runs on the current (guest) thread: takes a context from the lease, runs the guest, gives the context back,
     * and keeps the result for {@link #answer()}. The context goes back before the caller is answered, so that
     * what the guest held is garbage by the time the caller can start another execution.
     *
     * @param beginGuestPhase starts the guest phase, see {@link #beginGuestPhase}
     * @param guestPhaseEnded told what the guest allocated, when a guest phase that began ends
     * @param graceMs how long to wait for a stop in progress before giving the context back
     */
    void run(Sources sources, Runnable beginGuestPhase, LongConsumer guestPhaseEnded, long graceMs) {
        thread = Thread.currentThread();
        try {
            if (dialect == null) {
                runQuery(beginGuestPhase, guestPhaseEnded, graceMs);
            } else {
                runGuest(sources, beginGuestPhase, guestPhaseEnded, graceMs);
            }
        } finally {
            if (ownTables != null) {
                ownTables.close();
                ownTables = null;
            }
            if (ownFiles != null) {
                try {
                    ownFiles.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "closing a query's files failed", e);
                }
                ownFiles = null;
            }
        }
    }

    /** Runs an execution in language {@code sql}: no context, one query on the lease's tables. */
    private void runQuery(Runnable beginGuestPhase, LongConsumer guestPhaseEnded, long graceMs) {
        lease.runningQuery(this);
        try {
            outcome = stopReason.get() != null ? stopped(stopReason.get(), null) : evaluateQuery(beginGuestPhase);
            endGuestPhase(guestPhaseEnded);
        } catch (Throwable t) {
            endGuestPhase(guestPhaseEnded);
            Status reason = stopReason.get();
            outcome = reason != null ? stopped(reason, null) : failedInternally(t);
        } finally {
            awaitStop(graceMs);
            lease.runningQuery(null);
        }
    }

    private void runGuest(Sources sources, Runnable beginGuestPhase, LongConsumer guestPhaseEnded, long graceMs) {
        GuestContext acquired = null;
        try {
            acquired = lease.acquire();
            acquired.attach(this);
            guest = acquired;
            outcome = stopReason.get() != null
                    ? stopped(stopReason.get(), null)
                    : evaluate(acquired, sources.get(dialect.language().graalId(), dialect.sourceName(),
                            request.code()), beginGuestPhase);
            endGuestPhase(guestPhaseEnded);
        } catch (Throwable t) {
            endGuestPhase(guestPhaseEnded);
            Status reason = stopReason.get();
            outcome = reason != null ? stopped(reason, null) : failedInternally(t);
        } finally {
            awaitStop(graceMs);
            output.endOfOutput();
            if (acquired != null) {
                acquired.detach();
                lease.release(acquired, this);
                guest = null;   // timers may hold the execution a while; they must not hold the context
            }
        }
    }

    /**
     * Starts the guest phase: the memory account opens, the clocks start and the setup timer is cancelled; then
     * {@code wallTimer}, if any, bounds the phase.
     */
    void beginGuestPhase(MemoryAccount account, Supplier<ScheduledFuture<?>> wallTimer) {
        Thread current = Thread.currentThread();
        memory = account;
        startNanos = System.nanoTime();
        cpuStartNanos = Threads.cpuNanos(current);
        allocatedStart = Threads.allocatedBytes(current);
        inGuestPhase = true;
        timer.cancel(false);
        ScheduledFuture<?> wall = wallTimer.get();
        if (wall != null) {
            timer = wall;
        }
    }

    private void endGuestPhase(LongConsumer guestPhaseEnded) {
        if (inGuestPhase) {
            guestPhaseEnded.accept(allocatedSinceStart());
        }
        inGuestPhase = false;
        cancelTimer();
    }

    /** Completes the caller's future with the result the guest thread built, or with an internal error. */
    void answer() {
        // Building the result can fail too (say, out of memory while copying the output): still answer.
        result.complete(outcome != null ? outcome
                : ExecutionResult.notRun(Status.INTERNAL_ERROR, "the result could not be built"));
    }

    /** Waits, at most {@code graceMs}, until a stop in progress has closed or interrupted the context. */
    private void awaitStop(long graceMs) {
        CompletableFuture<Void> pending = stopping;
        if (pending != null) {
            try {
                pending.get(graceMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the caller is answered all the same; a context that does not close is the quarantine's business
            }
        }
    }

    /** Breaking the CPU-time limit; wall time has its own timer, memory its guard. */
    @Override
    public Status brokenLimit(long nowNanos) {
        if (!isRunningGuest()) {
            return null;
        }
        long cpuTimeMs = limits.cpuTimeMs();
        if (cpuTimeMs > 0 && Threads.cpuNanos(thread) - cpuStartNanos > cpuTimeMs * 1_000_000) {
            return Status.CPU_LIMIT;
        }
        return null;
    }

    @Override
    public void stop(Status limit) {
        stopper.accept(this, limit);
    }

    /**
     * Records {@code reason} as why this execution stops, unless something stopped it already, and starts stopping
     * its guest, if it has a context, on {@code reapers} (stopping can block while a guest ignores it).
     *
     * @return whether {@code reason} was the first
     */
    boolean startStopping(Status reason, Executor reapers) {
        if (!stopReason.compareAndSet(null, reason)) {
            return false;
        }
        stopNanos = System.nanoTime();
        Runnable cancel = queryCancel;
        if (cancel != null) {
            cancel.run();   // DuckDB stops within milliseconds; the guest's context can only stop once it returns
        }
        GuestContext running = guest;
        if (running != null) {
            stopping = CompletableFuture.runAsync(() -> lease.stop(running, this), reapers);
        }
        return true;
    }

    /**
     * Gives up on a guest that did not end in time, unless its thread is done with the execution or the caller
     * has its result: runs {@code quarantine} (atomically with that check), then answers the caller with what was
     * captured so far.
     *
     * @return whether it gave up
     */
    boolean abandon(Runnable quarantine) {
        synchronized (this) {
            if (released.getCount() == 0 || result.isDone()) {
                return false;
            }
            quarantine.run();
        }
        result.complete(stopped(stopReason.get(), null));
        return true;
    }

    /**
     * Marks the execution released by its guest thread, once; runs {@code bookkeeping} atomically with that, and
     * with any {@link #abandon}.
     */
    void release(Runnable bookkeeping) {
        synchronized (this) {
            if (released.getCount() > 0) {
                bookkeeping.run();
                released.countDown();
            }
        }
    }

    /** Bytes the guest thread has allocated since the guest phase started. */
    long allocatedSinceStart() {
        Thread guest = thread;
        return guest == null ? 0 : Math.max(0, Threads.allocatedBytes(guest) - allocatedStart);
    }

    /**
     * Evaluates {@code source}, or, where it does not parse as a script but does as a module (a JavaScript file with
     * top-level {@code await}), the module, as node does. A syntax error that the code raised while it ran (a bad
     * {@code eval} or {@code JSON.parse}) is not a reason to run it again: the script itself must fail to parse.
     */
    private Value evalScriptOrModule(Context context, Source source) {
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            Source module = e.isSyntaxError() ? dialect.asModule(source) : null;
            if (module == null || parses(context, source) || !parses(context, module)) {
                throw e;
            }
            return context.eval(module);
        }
    }

    private static boolean parses(Context context, Source source) {
        try {
            context.parse(source);
            return true;
        } catch (PolyglotException e) {
            return false;
        }
    }

    /** Runs the guest on the current thread; returns the result (also when the guest failed or was stopped). */
    private ExecutionResult evaluate(GuestContext guest, Source source, Runnable beginGuestPhase) {
        Context context = guest.context;
        Value evaluated;
        Object value;
        try {
            writeFiles(guest.files);
            artifactsBefore = Artifacts.snapshot(guest.files);
            beginGuestPhase.run();
            dialect.beginExecution(guest.context, request, limits);
            bindInputs(guest);
            try {
                evaluated = dialect.lastValue(evalScriptOrModule(context, source));
            } finally {
                guestCodeEnded = true;
                flushFiles(guest);
            }
            value = evaluated == null ? null : GuestValues.toJava(evaluated, dialect, maxValueNodes());
        } catch (PolyglotException e) {
            return failed(e, context);
        } catch (GuestValues.TooLargeException e) {
            return stopped(Status.OUTPUT_LIMIT, "the value has more parts than maxOutputBytes="
                    + limits.maxOutputBytes() + " allows");
        } catch (OutOfMemoryError e) {
            return stopped(Status.MEMORY_LIMIT, "the guest ran out of memory: " + e.getMessage());
        } catch (StackOverflowError e) {
            return finish(Status.ERROR, null, GuestError.of("StackOverflowError", "the host stack overflowed"));
        }
        Integer exitStatus = dialect.exitStatus(context, true);
        return exitStatus == null ? succeeded(value) : exited(exitStatus, value);
    }

    /**
     * The result of a script that called node's {@code process.exit(status)} (and perhaps caught what it threw), or
     * ran to its end with {@code process.exitCode} set: status 0 is success, as node's exit code 0 says; any other is
     * an error.
     */
    private ExecutionResult exited(int status, Object value) {
        return status == 0 ? succeeded(value)
                : finish(Status.ERROR, null, GuestError.of("ProcessExit", "exit status " + status));
    }

    /** The result of a guest that ended with {@code value}, unless it was stopped or the value is too large. */
    private ExecutionResult succeeded(Object value) {
        if (stopReason.get() != null) {
            return stopped(stopReason.get(), null);
        }
        int size = valueSizeOverLimit(limits, value);
        if (size >= 0) {
            return stopped(Status.OUTPUT_LIMIT, "the value's JSON form is " + size + " characters, above "
                    + Limit.MAX_OUTPUT_BYTES.key() + "=" + limits.maxOutputBytes());
        }
        return finish(Status.OK, value, null);
    }

    /**
     * Runs the code of an execution in language {@code sql} as one query; its value is
     * {@link SqlResult#toValue()}, cut at {@link Limits#maxResultRows()}.
     */
    private ExecutionResult evaluateQuery(Runnable beginGuestPhase) {
        SqlWorkspace.loadEngine();   // like making a context: before the guest's clock starts
        beginGuestPhase.run();
        if (!request.files().isEmpty() && lease.files() == null) {
            ownFiles = new MemoryFileSystem(Dialect.WORKING_DIRECTORY, filesQuota(), false, denial -> { });
            writeFiles(ownFiles);
        }
        boolean inputsAreTables = lease.sqlTables() == null;
        for (Map.Entry<String, Object> input : request.inputs().entrySet()) {
            if (!inputsAreTables || !TableSources.isTable(input.getValue())) {
                return finish(Status.ERROR, null, GuestError.of(SQL_ERROR, "input '" + input.getKey() + "': "
                        + (inputsAreTables ? "an input of language sql must be a table (a non-empty array of "
                        + "objects)" : "a session's tables are its files; language sql takes no inputs there")));
            }
        }
        try {
            return succeeded(query(request.code(), List.of()).toValue());
        } catch (SqlException e) {
            Status reason = stopReason.get();
            if (reason != null) {
                return stopped(reason, null);
            }
            return e.isOutOfMemory()
                    ? stopped(Status.MEMORY_LIMIT, "the query needed more than DuckDB's memory_limit of "
                            + limits.effectiveMemoryMb() + " MB: " + e.getMessage())
                    : finish(Status.ERROR, null, GuestError.of(SQL_ERROR, e.getMessage()));
        } catch (OutOfMemoryError e) {
            return stopped(Status.MEMORY_LIMIT, "the query's rows ran the host out of memory: " + e.getMessage());
        }
    }

    /**
     * Runs one read-only query on this execution's tables, refreshed first: a session's table files, or a
     * stateless execution's files and table inputs. Cut at {@link Limits#maxResultRows()}; a stop cancels it.
     *
     * @throws SqlException with DuckDB's message or why the query was refused
     */
    SqlResult query(String sql, List<?> params) {
        SqlWorkspace tables = lease.sqlTables();
        Map<String, ?> inputs = Map.of();
        if (tables == null) {
            if (ownTables == null) {
                ownTables = SqlWorkspace.open(limits.effectiveMemoryMb());
            }
            tables = ownTables;
            inputs = request.inputs();
        }
        GuestContext running = guest;
        List<TableSource> sources = TableSources.of(running != null ? running.files
                        : ownFiles != null ? ownFiles : lease.files(),
                Dialect.WORKING_DIRECTORY, inputs);
        tables.refresh(sources, this::whileQuerying);
        return tables.query(sql, params, limits.maxResultRows(), this::whileQuerying);
    }

    /**
     * The guest's {@code sql(query, params?)}: the rows as records (maps in column order). A result over
     * {@link Limits#maxResultRows()} is an error naming the limit, never a silently partial list.
     *
     * @throws IllegalArgumentException for arguments of the wrong shape, or too many rows
     * @throws SqlException with DuckDB's message or why the query was refused
     */
    List<Object> guestQuery(List<Object> arguments) {
        if (arguments.isEmpty() || arguments.size() > 2 || !(arguments.getFirst() instanceof String sql)) {
            throw new IllegalArgumentException("sql(query, params) takes a query string and, optionally, a list of "
                    + "parameters");
        }
        List<?> params = List.of();
        if (arguments.size() == 2 && arguments.get(1) != null) {
            if (!(arguments.get(1) instanceof List<?> list)) {
                throw new IllegalArgumentException("sql(): params must be a list, such as [1, 'a']");
            }
            params = list;
        }
        SqlResult result = query(sql, params);
        if (result.truncated()) {
            throw new IllegalArgumentException(Limit.MAX_RESULT_ROWS.truncation(limits.maxResultRows()));
        }
        return result.toRecords();
    }

    /**
     * Sets the task that cancels the SQL statement running now (null once it ended); one that starts after the
     * execution was told to stop is cancelled at once.
     */
    private void whileQuerying(Runnable cancel) {
        queryCancel = cancel;
        if (cancel != null && stopReason.get() != null) {
            cancel.run();
        }
    }

    /**
     * Puts the request's files into the working directory of {@code files}, before the guest starts (and before the
     * snapshot artifacts are told apart by: they are the caller's, not the guest's). The request was validated, so
     * they fit.
     */
    private void writeFiles(MemoryFileSystem files) {
        for (Map.Entry<String, byte[]> file : request.files().entrySet()) {
            try {
                files.writeFile(file.getKey(), file.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the request's file " + file.getKey(), e);
            }
        }
    }

    /** Room for the request's files in whole blocks (a query's own tree, read-only to it, needs no more). */
    private long filesQuota() {
        long space = MemoryFileSystem.BLOCK_SIZE;   // positive even for empty files
        for (byte[] content : request.files().values()) {
            space += MemoryFileSystem.spaceFor(content.length);
        }
        return space;
    }

    /** Flushes the guest's open files unless it was stopped; a failure is the guest's own and is not reported. */
    private void flushFiles(GuestContext guest) {
        if (stopReason.get() == null) {
            try {
                guest.flushFiles();
            } catch (PolyglotException e) {
                LOG.log(Level.FINE, "flushing the guest's files failed", e);
            }
        }
    }

    /**
     * Binds the inputs as native guest values: scalars directly (the polyglot layer turns Java strings, numbers and
     * booleans into guest ones), structures as the dialect builds them.
     */
    private void bindInputs(GuestContext guest) {
        Value bindings = guest.context.getBindings(dialect.language().graalId());
        request.inputs().forEach((name, value) -> bindings.putMember(name, toGuest(guest, value)));
    }

    private Object toGuest(GuestContext guest, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Double) {
            return value;
        }
        return dialect.structuredInput(guest.context, guest::jsonParser, value);
    }

    private long maxValueNodes() {
        return maxValueNodes(limits);
    }

    /** The most parts a result's value may have under {@code limits} (0: any), for {@link GuestValues#toJava}. */
    static long maxValueNodes(Limits limits) {
        return limits.maxOutputBytes() == 0 ? 0 : Math.max(1024, limits.maxOutputBytes() / 2);
    }

    /** The length of {@code value}'s JSON form if it is above {@code maxOutputBytes}, else -1. */
    static int valueSizeOverLimit(Limits limits, Object value) {
        if (limits.maxOutputBytes() == 0 || value == null) {
            return -1;
        }
        int size = Json.write(value).length();
        return size > limits.maxOutputBytes() ? size : -1;
    }

    private ExecutionResult failed(PolyglotException e, Context context) {
        Status reason = stopReason.get();
        if (reason != null) {
            return stopped(reason, null);
        }
        if (e.isResourceExhausted() && isOutOfMemory(e)) {
            return stopped(Status.MEMORY_LIMIT, "the guest ran out of memory");
        }
        if (e.isResourceExhausted() && limits.maxStatements() > 0
                && String.valueOf(e.getMessage()).startsWith("Statement count limit")) {
            return stopped(Status.STATEMENT_LIMIT, null);   // the limit's callback may not have run yet
        }
        GuestError error = GuestErrors.of(e, dialect);
        reason = stopReason.get();
        if (reason != null) {
            return stopped(reason, null);   // a limit fired while the error was read (a thrown object's getters ran)
        }
        if (e.isCancelled() || e.isInterrupted()) {
            return finish(Status.CANCELLED, null, error);
        }
        if (e.isExit() && e.getExitStatus() == 0) {
            return succeeded(null);   // sys.exit() or sys.exit(0): a script that ended well, as CPython's code 0 says
        }
        if (e.isExit()) {
            printExitMessage(e);
        }
        Integer exitStatus = dialect.exitStatus(context, false);
        if (exitStatus != null) {
            return exited(exitStatus, null);
        }
        if (denied.get() || (e.isInternalError() && isPolicyRefusal(e))) {
            return finish(Status.DENIED, null, error);
        }
        if (e.isInternalError()) {
            // A fault of the language runtime that guest code provoked (GraalPy fails some builtins this way). It
            // is the guest's error, not the sandbox's: reporting internal_error would let guests flood the alerts
            // that watch for real sandbox failures. The type stays "InternalError" to tell it apart.
            LOG.log(Level.FINE, "guest code provoked an internal error of the language runtime", e);
        }
        return finish(Status.ERROR, null, error);
    }

    private void printExitMessage(PolyglotException e) {
        String message;
        try {
            message = dialect.exitMessage(e);
        } catch (PolyglotException | IllegalStateException unreadable) {
            return;   // an exotic code the exited runtime cannot show: the status is what counts
        }
        if (message != null) {
            try {
                output.stderr().write((message + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
    }

    /**
     * Whether an internal error is the language runtime refusing something the context does not allow (GraalPy
     * reports a thread start or a name lookup that way) rather than a fault.
     */
    private static boolean isPolicyRefusal(PolyglotException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SecurityException") || message.contains("is not allowed")
                || message.contains("UnsupportedPosixFeatureException");
    }

    private static boolean isOutOfMemory(PolyglotException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("OutOfMemoryError") || message.contains("Java heap space");
    }

    /** The result of a failure of the sandbox itself. */
    private ExecutionResult failedInternally(Throwable t) {
        return finish(Status.INTERNAL_ERROR, null, GuestError.of(Status.INTERNAL_ERROR.id(), String.valueOf(t)));
    }

    /** The result of an execution stopped for {@code reason}; {@code detail} overrides the default message. */
    private ExecutionResult stopped(Status reason, String detail) {
        if (stopNanos == 0) {
            stopNanos = System.nanoTime();   // a limit found at the end (the value's size) fires now
        }
        return finish(reason, null, GuestError.of(reason.id(), detail != null ? detail : describe(reason)));
    }

    private String describe(Status reason) {
        return switch (reason) {
            case TIMEOUT -> Limit.TIMEOUT_MS.breach(limits.timeoutMs());
            case CPU_LIMIT -> Limit.CPU_TIME_MS.breach(limits.cpuTimeMs());
            case MEMORY_LIMIT -> limits.maxMemoryMb() == 0
                    ? "the host's heap was over 90% full after garbage collection, and this execution had grown it the most"
                    : Limit.MAX_MEMORY_MB.breach(limits.maxMemoryMb());
            case STATEMENT_LIMIT -> Limit.MAX_STATEMENTS.breach(limits.maxStatements());
            case OUTPUT_LIMIT -> Limit.MAX_OUTPUT_BYTES.breach(limits.maxOutputBytes());
            case OUTPUT_COUNT_LIMIT -> Limit.MAX_OUTPUTS.breach(limits.maxOutputs());
            case ARTIFACT_LIMIT -> Limit.MAX_ARTIFACT_BYTES.breach(limits.maxArtifactBytes());
            case CANCELLED -> "the execution was cancelled";
            default -> "the sandbox failed: " + reason.id();
        };
    }

    /**
     * The result; a guest that ran to its end, or to its own error, has its artifacts collected first (on the guest
     * thread, which alone calls this with those statuses).
     */
    private ExecutionResult finish(Status status, Object value, GuestError error) {
        if ((status == Status.OK || status == Status.ERROR) && artifactsBefore != null) {
            Artifacts before = artifactsBefore;
            artifactsBefore = null;
            try {
                before.collect(outputs);
            } catch (OutputLimitException e) {
                return stopped(e.status(), e.getMessage());
            }
        }
        return new ExecutionResult(status, value, output.stdoutText(), output.stderrText(), error, stats(),
                outputs.outputs(), outputs.artifacts());
    }

    /** Stats so far, measured on this thread if it is the guest thread, else through the thread MX bean. */
    ExecutionStats stats() {
        if (!inGuestPhase && startNanos == 0) {
            return ExecutionStats.empty();
        }
        Thread guest = thread;
        long cpu = guest == null ? 0 : Threads.cpuNanos(guest) - cpuStartNanos;
        long now = System.nanoTime();
        long stop = stopNanos;
        return new ExecutionStats((now - startNanos) / 1e6, Math.max(0, cpu) / 1e6, allocatedSinceStart(),
                stop == 0 ? null : (now - stop) / 1e6);
    }
}
