package io.sandlot.internal.exec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.FormulaException;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.Status;
import io.sandlot.internal.lang.Dialect;
import io.sandlot.internal.lang.Dialects;
import io.sandlot.internal.lang.GuestValues;
import io.sandlot.internal.lang.PythonExpressions;
import java.util.List;
import java.util.function.Consumer;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * Stateless Python executions whose code is a single expression that {@link PythonExpressions}' allow-list accepts
 * (say {@code price * qty}, {@code sum(x) / len(x)}, {@code i * 2}), evaluated like formulas: compiled once into a
 * function of the request's inputs in a context kept for such expressions, and called there.
 * A fresh GraalPy context costs tens of milliseconds; such an evaluation costs microseconds.
 *
 * <p>Isolation is the formulas': the allow-list admits no attribute access, assignment, import or name other than
 * the inputs and a few pure builtins, and the compiled function's globals hold only those builtins, so an
 * evaluation can neither keep state nor see what another request passed or computed. The result is the one a fresh
 * context gives, or none: an expression the allow-list rejects, and every evaluation that does not end well within
 * the request's limits (an error, any limit, a value over {@code maxOutputBytes}), runs again in a fresh context,
 * whose result is the answer, so errors, tracebacks and limit statuses are exactly an execution's. Expressions call
 * only builtins whose results an ordinary execution would get too ({@code sqrt} and the other {@code math} names
 * formulas allow are not builtins, so they are rejected here). An evaluation gets at most {@link #BUDGET_MS}, and
 * may allocate at most the request's {@code maxMemoryMb}, before the watchdog stops it and the request runs in a fresh
 * context instead; the executor runs it on a guest thread and waits for it at most that plus the request's timeout
 * (see {@code GuestExecutor.quickly}), so that one that cannot be stopped does not keep the caller.
 */
final class Expressions {

    /** Longest code considered; longer code runs in a fresh context without a look. */
    static final int MAX_CODE_CHARS = 2_000;
    /**
     * Wall time an evaluation may take before it is stopped and the request runs in a fresh context (which also
     * happens, after the evaluation, when it took longer than the request's own {@code timeoutMs}).
     */
    static final long BUDGET_MS = 250;
    /**
     * Deepest bracket nesting considered: the allow-list's own parse is recursive, and so are the compiler's.
     */
    static final int MAX_NESTING = 32;
    private static final int MAX_EVALUATORS = 8;
    private static final int MAX_REJECTED = 1_024;

    private final GuestExecutor executor;
    private final Dialect dialect = Dialects.of(Language.PYTHON);
    /**
     * By what their contexts and watchdog limits are made for, so that requests that differ only in other limits
     * (a timeout, an output cap: checked on each result) share one; one evicted beyond {@link #MAX_EVALUATORS} is
     * closed.
     */
    private final Cache<Shape, FormulaEvaluator> evaluators = Caffeine.newBuilder()
            .maximumSize(MAX_EVALUATORS)
            .executor(Runnable::run)
            .removalListener((Shape shape, FormulaEvaluator evaluator, RemovalCause cause) -> {
                if (evaluator != null) {
                    evaluator.close();   // an instance in use is closed when its evaluation gives it back
                }
            })
            .build();
    /** Keys ({@link Candidate#key}) of code the allow-list rejected, so that it is not parsed again. */
    private final Cache<String, Boolean> rejected = Caffeine.newBuilder().maximumSize(MAX_REJECTED).build();

    Expressions(GuestExecutor executor) {
        this.executor = executor;
    }

    /**
     * The request as an expression to try, or null if it cannot be one, by what can be told without the guest:
     * language, size, nesting, input names, and whether the allow-list rejected it before. Cheap, for any thread.
     */
    Candidate candidate(ExecutionRequest request) {
        if (request.language() != Language.PYTHON || !request.files().isEmpty()) {
            return null;   // files need the fresh context's working directory
        }
        String code = request.code().strip();
        if (code.isEmpty() || code.length() > MAX_CODE_CHARS || nesting(code) > MAX_NESTING) {
            return null;
        }
        List<String> names = List.copyOf(request.inputs().keySet());
        if (names.stream().anyMatch(name -> name.startsWith("__"))) {
            return null;   // such as __builtins__: as a global it changes what names mean, as a parameter it does not
        }
        Candidate candidate = new Candidate(code, names, code + '\0' + String.join(",", names));
        return rejected.getIfPresent(candidate.key()) == null ? candidate : null;
    }

    /**
     * The result of {@code request} if {@code candidate}, its code, is an allowed expression that evaluated to a
     * value within its limits, else null (run it in a fresh context). {@code request} was validated against
     * {@code policy}; {@code calling} is told the engine of the context the evaluation runs in when the compiled
     * expression is about to be called.
     */
    ExecutionResult tryExecute(Candidate candidate, Policy policy, ExecutionRequest request, Limits limits,
            Consumer<Engine> calling) {
        FormulaEvaluator evaluator = evaluators.get(new Shape(policy, limits.maxStatements(), limits.maxMemoryMb()),
                this::newEvaluator);
        Thread thread = Thread.currentThread();
        long[] start = new long[3];   // wall, CPU, allocated: from when the evaluation has its context
        Object value;
        try {
            value = evaluator.evaluate(instance -> {
                start[0] = System.nanoTime();
                start[1] = Threads.cpuNanos(thread);
                start[2] = Threads.allocatedBytes(thread);
                Value compiled = instance.compiled(candidate.key(), key -> compile(instance, candidate));
                calling.accept(instance.guest.engine);
                return compiled;
            }, candidate.names(), request.inputs().values().toArray(),
                    evaluated -> GuestValues.toJava(evaluated, dialect, Execution.maxValueNodes(limits)));
        } catch (PythonExpressions.Rejected e) {
            rejected.put(candidate.key(), Boolean.TRUE);
            return null;
        } catch (FormulaException | GuestValues.TooLargeException e) {
            return null;   // an error or a limit: a fresh context gives the execution's own answer
        } catch (RuntimeException e) {
            return null;   // say, no context could be made: so would the fresh context, which reports it
        }
        long wallNanos = System.nanoTime() - start[0];
        long cpuNanos = Threads.cpuNanos(thread) - start[1];
        long allocated = Math.max(0, Threads.allocatedBytes(thread) - start[2]);
        if (!withinLimits(limits, value, wallNanos, cpuNanos, allocated)) {
            return null;
        }
        return new ExecutionResult(Status.OK, value, "", "", null,
                new ExecutionStats(wallNanos / 1e6, cpuNanos / 1e6, allocated, null));
    }

    /** The deepest nesting of brackets in {@code code}, strings included (an over-estimate is harmless). */
    private static int nesting(String code) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    /**
     * Whether an execution would have ended well too: within its time, CPU and memory limits (what it allocated
     * bounds what it kept) and with a value that fits {@code maxOutputBytes}.
     */
    private static boolean withinLimits(Limits limits, Object value, long wallNanos, long cpuNanos, long allocated) {
        if (limits.timeoutMs() > 0 && wallNanos > limits.timeoutMs() * 1_000_000) {
            return false;
        }
        if (limits.cpuTimeMs() > 0 && cpuNanos > limits.cpuTimeMs() * 1_000_000) {
            return false;
        }
        if (limits.maxMemoryMb() > 0 && allocated > limits.maxMemoryMb() << 20) {
            return false;
        }
        return Execution.valueSizeOverLimit(limits, value) < 0;
    }

    private static Value compile(FormulaInstance instance, Candidate candidate) {
        return PythonExpressions.compile(instance.function, instance.guest.jsonParser(), candidate.code(),
                candidate.names(), false);
    }

    private FormulaEvaluator newEvaluator(Shape shape) {
        FormulaInstances instances = new FormulaInstances(executor,
                () -> create(shape.policy(), shape.maxStatements(), shape.maxMemoryMb()));
        // No host function is reachable from an allowed expression, so a retry cannot repeat an effect.
        return new FormulaEvaluator(dialect, shape.maxStatements(), false, instances);
    }

    private FormulaInstance create(Policy policy, long maxStatements, long maxMemoryMb) {
        GuestContext guest = executor.contexts().create(policy, Language.PYTHON, maxStatements);
        try {
            return new FormulaInstance(guest, PythonExpressions.executionBuilder(guest.context), BUDGET_MS, maxMemoryMb,
                    false, executor::reap);
        } catch (RuntimeException e) {
            guest.close(true);
            throw e;
        }
    }

    /** Closes every evaluator's idle contexts. */
    void close() {
        evaluators.invalidateAll();
        evaluators.cleanUp();
    }

    /**
     * A request's code, trimmed, and its input names, which become the compiled function's parameters; {@code key}
     * names the two together.
     */
    record Candidate(String code, List<String> names, String key) {
    }

    /** What the contexts of an evaluator are made for. */
    private record Shape(Policy policy, long maxStatements, long maxMemoryMb) {
    }
}
