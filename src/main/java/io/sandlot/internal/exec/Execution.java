package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.GuestError;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.Status;
import io.sandlot.internal.convert.GuestValues;
import io.sandlot.internal.convert.Json;
import io.sandlot.internal.convert.PythonLiterals;
import io.sandlot.internal.io.BoundedOutput;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One execution in flight: the state shared between its guest thread, the watchdog and the caller. The first
 * reason to stop wins; the result future completes exactly once, either from the guest thread or, if the guest
 * cannot be stopped in time, from the executor with what was captured so far.
 */
final class Execution {

    private static final Logger LOG = Logger.getLogger(Execution.class.getName());

    final ExecutionRequest request;
    final Limits limits;
    final Dialect dialect;
    final BoundedOutput output;
    final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    final AtomicReference<Status> stopReason = new AtomicReference<>();
    final AtomicBoolean denied = new AtomicBoolean();
    final AtomicBoolean released = new AtomicBoolean();

    final ContextLease lease;
    volatile GuestContext guest;
    volatile Thread thread;
    volatile boolean inGuestPhase;
    volatile boolean abandoned;
    volatile ScheduledFuture<?> timeoutTask;
    /** The stop in progress (closing or interrupting the context), once a limit or a cancellation fired. */
    volatile CompletableFuture<Void> stopping;
    volatile long startNanos;
    /** When the first stop request arrived; 0 if none did. */
    volatile long stopNanos;
    long cpuStartNanos;
    long allocatedStart;
    /** What the memory guard knows of this execution; set when the guest phase starts. */
    volatile MemoryAccount memory;
    /** The MiB of the memory budget this execution holds; see {@link MemoryGuard#reserve(long)}. */
    int reservedMb;

    /**
     * @param stop how to stop this execution when its output overflows
     */
    Execution(ExecutionRequest request, Limits limits, ContextLease lease, BiConsumer<Execution, Status> stop) {
        this.request = request;
        this.lease = lease;
        this.limits = limits;
        this.dialect = Dialect.of(request.language());
        this.output = new BoundedOutput(limits.maxOutputBytes(), () -> stop.accept(this, Status.OUTPUT_LIMIT));
    }

    /** Bytes the guest thread has allocated since the guest phase started. */
    long allocatedSinceStart() {
        Thread guest = thread;
        return guest == null ? 0 : Math.max(0, Threads.allocatedBytes(guest) - allocatedStart);
    }

    /** Runs the guest on the current thread; returns the result (also when the guest failed or was stopped). */
    ExecutionResult evaluate(GuestContext guest, Source source, Runnable beginGuestPhase) {
        Context context = guest.context;
        Value evaluated;
        Object value;
        try {
            beginGuestPhase.run();
            bindInputs(guest);
            try {
                evaluated = dialect.lastValue(context.eval(source));
            } finally {
                flushFiles(guest);
            }
            value = evaluated == null ? null : GuestValues.toJava(evaluated, dialect.language(), maxValueNodes());
        } catch (PolyglotException e) {
            return failed(e);
        } catch (GuestValues.TooLargeException e) {
            return stopped(Status.OUTPUT_LIMIT, "the value has more parts than maxOutputBytes="
                    + limits.maxOutputBytes() + " allows");
        } catch (OutOfMemoryError e) {
            return stopped(Status.MEMORY_LIMIT, "the guest ran out of memory: " + e.getMessage());
        } catch (StackOverflowError e) {
            return finish(Status.ERROR, null, GuestError.of("StackOverflowError", "the host stack overflowed"));
        }
        if (stopReason.get() != null) {
            return stopped(stopReason.get(), null);
        }
        if (limits.maxOutputBytes() > 0 && value != null) {
            int size = Json.write(value).length();
            if (size > limits.maxOutputBytes()) {
                return stopped(Status.OUTPUT_LIMIT, "the value's JSON form is " + size
                        + " characters, above maxOutputBytes=" + limits.maxOutputBytes());
            }
        }
        return finish(Status.OK, value, null);
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
     * booleans into guest ones), structures through JS's {@code JSON.parse} or a Python literal (see
     * {@link PythonLiterals}).
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
        if (dialect == Dialect.JS) {
            return guest.jsonParser().execute(Json.write(value));
        }
        return guest.context.eval(Source.newBuilder("python", PythonLiterals.of(value), "<sandlot-input>")
                .cached(false).buildLiteral());
    }

    private long maxValueNodes() {
        return limits.maxOutputBytes() == 0 ? 0 : Math.max(1024, limits.maxOutputBytes() / 2);
    }

    private ExecutionResult failed(PolyglotException e) {
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
    ExecutionResult failedInternally(Throwable t) {
        return finish(Status.INTERNAL_ERROR, null, GuestError.of(Status.INTERNAL_ERROR.id(), String.valueOf(t)));
    }

    /** The result of an execution stopped for {@code reason}; {@code detail} overrides the default message. */
    ExecutionResult stopped(Status reason, String detail) {
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
            case CANCELLED -> "the execution was cancelled";
            default -> "the sandbox failed: " + reason.id();
        };
    }

    private ExecutionResult finish(Status status, Object value, GuestError error) {
        return new ExecutionResult(status, value, output.stdoutText(), output.stderrText(), error, stats());
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
