package io.sandlot.internal.exec;

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
import io.sandlot.wire.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.graalvm.polyglot.Value;

/**
 * Stateless Python executions whose code is a single expression that {@link PythonExpressions}' allow-list accepts
 * (say {@code price * qty}, {@code sum(x) / len(x)}, {@code i * 2}), evaluated like formulas: compiled once into a
 * function of the request's inputs in a context kept for such expressions, and called there on the caller's thread.
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
 * context instead.
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
     * Deepest bracket nesting considered: parsing and compiling run on the caller's thread, whose stack may be
     * small, and the allow-list's own parse is recursive.
     */
    static final int MAX_NESTING = 32;
    private static final int MAX_EVALUATORS = 8;
    private static final int MAX_REJECTED = 1_024;

    private final GuestExecutor executor;
    private final Dialect dialect = Dialects.of(Language.PYTHON);
    /**
     * By what their contexts and watchdog limits are made for, so that requests that differ only in other limits
     * (a timeout, an output cap: checked on each result) share one; the least recently used is closed beyond
     * {@link #MAX_EVALUATORS}.
     */
    private final Map<Shape, FormulaEvaluator> evaluators = new LinkedHashMap<>(16, 0.75f, true);
    /** Code and input names the allow-list rejected, so that they are not parsed again. */
    private final Set<String> rejected = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REJECTED;
        }
    });

    Expressions(GuestExecutor executor) {
        this.executor = executor;
    }

    /**
     * The result of {@code request} if its code is an allowed expression that evaluated to a value within its
     * limits, else null (run it in a fresh context). {@code request} was validated against {@code policy}.
     */
    ExecutionResult tryExecute(Policy policy, ExecutionRequest request, Limits limits) {
        if (!mayBeOne(request)) {
            return null;
        }
        String code = request.code().strip();
        List<String> names = new ArrayList<>(request.inputs().keySet());
        String key = key(code, names);
        FormulaEvaluator evaluator = evaluator(policy, limits);
        Thread thread = Thread.currentThread();
        long[] start = new long[3];   // wall, CPU, allocated: from when the evaluation has its context
        Object value;
        try {
            value = evaluator.evaluate(instance -> {
                start[0] = System.nanoTime();
                start[1] = Threads.cpuNanos(thread);
                start[2] = Threads.allocatedBytes(thread);
                return instance.compiled(key, k -> compile(instance, code, names));
            }, names, request.inputs().values().toArray(), evaluated -> toJava(evaluated, limits));
        } catch (PythonExpressions.Rejected e) {
            synchronized (rejected) {
                rejected.add(key);
            }
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

    /**
     * Whether {@code request} may be an allowed expression, by what can be told without the guest: language, size,
     * nesting, input names, and whether the allow-list rejected it before. Cheap, for any thread.
     */
    boolean mayBeOne(ExecutionRequest request) {
        if (request.language() != Language.PYTHON) {
            return false;
        }
        String code = request.code().strip();
        if (code.isEmpty() || code.length() > MAX_CODE_CHARS || nesting(code) > MAX_NESTING) {
            return false;
        }
        List<String> names = new ArrayList<>(request.inputs().keySet());
        if (names.stream().anyMatch(name -> name.startsWith("__"))) {
            return false;   // such as __builtins__: as a global it changes what names mean, as a parameter it does not
        }
        synchronized (rejected) {
            return !rejected.contains(key(code, names));
        }
    }

    private static String key(String code, List<String> names) {
        return code + '\0' + String.join(",", names);
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
        return limits.maxOutputBytes() == 0 || value == null || Json.write(value).length() <= limits.maxOutputBytes();
    }

    private Object toJava(Value value, Limits limits) {
        long maxNodes = limits.maxOutputBytes() == 0 ? 0 : Math.max(1024, limits.maxOutputBytes() / 2);
        return GuestValues.toJava(value, dialect, maxNodes);
    }

    private static Value compile(FormulaInstance instance, String code, List<String> names) {
        return PythonExpressions.compile(instance.function, instance.guest.jsonParser(), code, names, false);
    }

    private FormulaEvaluator evaluator(Policy policy, Limits limits) {
        Shape shape = new Shape(policy, limits.maxStatements(), limits.maxMemoryMb());
        FormulaEvaluator evicted = null;
        FormulaEvaluator evaluator;
        synchronized (evaluators) {
            evaluator = evaluators.get(shape);
            if (evaluator == null) {
                FormulaInstances instances = new FormulaInstances(executor,
                        () -> create(policy, shape.maxStatements(), shape.maxMemoryMb()));
                // No host function is reachable from an allowed expression, so a retry cannot repeat an effect.
                evaluator = new FormulaEvaluator(dialect, limits.maxStatements(), false, instances);
                evaluators.put(shape, evaluator);
                if (evaluators.size() > MAX_EVALUATORS) {
                    var eldest = evaluators.entrySet().iterator();
                    evicted = eldest.next().getValue();
                    eldest.remove();
                }
            }
        }
        if (evicted != null) {
            evicted.close();   // an instance in use is closed when its evaluation gives it back
        }
        return evaluator;
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
        synchronized (evaluators) {
            evaluators.values().forEach(FormulaEvaluator::close);
            evaluators.clear();
        }
    }

    /** What the contexts of an evaluator are made for. */
    private record Shape(Policy policy, long maxStatements, long maxMemoryMb) {
    }
}
