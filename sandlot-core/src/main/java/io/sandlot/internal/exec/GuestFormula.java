package io.sandlot.internal.exec;

import io.sandlot.Formula;
import io.sandlot.FormulaException;
import io.sandlot.GuestError;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Status;
import io.sandlot.internal.lang.Dialect;
import io.sandlot.internal.lang.Dialects;
import io.sandlot.internal.lang.FormulaCode;
import io.sandlot.internal.lang.GuestErrors;
import io.sandlot.internal.lang.GuestValues;
import io.sandlot.wire.Json;
import java.lang.ref.Cleaner;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A formula in any language, evaluated on the caller's thread for speed (a warm evaluation is one polyglot call),
 * each evaluation in one of a few identical contexts used by one thread at a time, under the executor's watchdog.
 * What the language adds (how the formula compiles, its statement and memory budget) is its dialect's
 * {@link FormulaCode}.
 *
 * <p>The statement limit is per evaluation, but resetting a context's counter costs about half as much as a warm
 * evaluation (27 ns on top of a 51 ns call in a JS probe, {@code scripts/formula-parts}), so a counter is reset only
 * every {@link #resetEvery} evaluations, while each evaluation is cheap next to the limit. An evaluation stopped by the limit on a counter it shared with earlier
 * evaluations runs again, once, in a fresh context with the whole budget, and the formula resets before every
 * evaluation from then on: only an evaluation over the limit on its own fails. Running it again is safe because an
 * evaluation keeps no state; it is not done when the policy exposes host functions (their effects would happen
 * twice): those formulas reset before every evaluation.
 */
final class GuestFormula implements Formula {

    private static final Cleaner CLEANER = Cleaner.create();
    /**
     * Evaluations per counter reset: at most the budget over this, so that evaluations run between resets can use
     * at most a 1/{@value} of the budget on average before one of them could be stopped early.
     */
    private static final long BUDGET_SHARE = 4096;
    private static final int MAX_RESET_EVERY = 256;

    private final Dialect dialect;
    private final String expression;
    private final List<String> parameters;
    private final long statements;
    private final FormulaInstances instances;
    /** How many evaluations share a statement counter between resets; 1 once an evaluation was stopped early. */
    private volatile int resetEvery;

    /** @throws IllegalArgumentException if the expression does not compile or is rejected */
    GuestFormula(GuestExecutor executor, Policy policy, Language language, String expression, List<String> parameters) {
        this.dialect = Dialects.of(language);
        this.expression = expression;
        this.parameters = List.copyOf(parameters);
        FormulaCode code = dialect.formula(policy.limits(), expression, this.parameters);
        this.statements = code.statements();
        this.resetEvery = policy.hostFunctions().isEmpty()
                ? (int) Math.max(1, Math.min(MAX_RESET_EVERY, statements / BUDGET_SHARE)) : 1;
        long timeoutMs = policy.limits().timeoutMs();
        this.instances = new FormulaInstances(executor, () -> create(executor, policy, language, code, timeoutMs));
        instances.release(instances.create());
        CLEANER.register(this, instances::close);
    }

    private static FormulaInstance create(GuestExecutor executor, Policy policy, Language language, FormulaCode code,
            long timeoutMs) {
        GuestContext guest = executor.contexts().create(policy, language, code.statements());
        try {
            Value function = code.compile(guest.context, guest.jsonParser());
            return new FormulaInstance(guest, function, timeoutMs, code.maxMemoryMb(), executor::reap);
        } catch (RuntimeException e) {
            guest.close(true);
            throw e;
        }
    }

    @Override
    public Language language() {
        return dialect.language();
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public Object evaluate(Object... arguments) {
        checkArity(arguments);
        try {
            return evaluateOnce(arguments);
        } catch (StoppedEarly e) {
            resetEvery = 1;
            return evaluateOnce(arguments);
        }
    }

    /** @throws StoppedEarly if the statement limit stopped it on a counter shared with earlier evaluations */
    private Object evaluateOnce(Object[] arguments) {
        FormulaInstance instance = instances.acquire();
        boolean reusable = true;
        try {
            Object[] guestArguments = toGuest(instance, parameters, arguments);
            if (statements > 0) {
                instance.chargeStatementCounter(resetEvery);
            }
            instance.begin();
            Value value = instance.function.execute(guestArguments);
            instance.end();
            return toJava(value, dialect);
        } catch (PolyglotException e) {
            instance.end();
            reusable = !(e.isCancelled() || e.isResourceExhausted() || e.isInterrupted() || e.isInternalError()
                    || e.isExit());
            FormulaException failure = failure(instance, e, dialect);
            if (failure.status() == Status.STATEMENT_LIMIT && instance.sharesStatementCounter()) {
                throw new StoppedEarly();
            }
            throw failure;
        } finally {
            if (reusable) {
                instances.release(instance);
            } else {
                instances.discard(instance);
            }
        }
    }

    /** @throws IllegalArgumentException unless there is one argument per parameter */
    private void checkArity(Object[] arguments) {
        if (arguments.length != parameters.size()) {
            throw new IllegalArgumentException("formula takes " + parameters.size() + " arguments " + parameters
                    + ", got " + arguments.length);
        }
    }

    /** The arguments as the guest gets them: the caller's array itself when every argument is a primitive. */
    private static Object[] toGuest(FormulaInstance instance, List<String> names, Object[] arguments) {
        Object[] converted = arguments;
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument == null || argument instanceof Double || argument instanceof Long || argument instanceof Integer
                    || argument instanceof String || argument instanceof Boolean) {
                continue;
            }
            Json.requireJsonLike("argument '" + names.get(i) + "'", argument);
            if (converted == arguments) {
                converted = arguments.clone();
            }
            converted[i] = instance.guest.jsonParser().execute(Json.write(argument));
        }
        return converted;
    }

    /**
     * The result as {@link GuestValues#toJava} gives it, with a short cut for numbers that fit a double: a whole
     * number in the range of a long (not -0.0) is a Long, any other finite one a Double; the rest goes the long way.
     * A boolean goes the long way too: in Python it is a number.
     */
    private static Object toJava(Value value, Dialect dialect) {
        if (!value.isBoolean() && value.fitsInDouble()) {
            double d = value.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63 && (d != 0 || 1 / d > 0)) {
                return (long) d;
            }
            if (Double.isFinite(d) && d != Math.rint(d)) {
                return d;   // finite and fractional: neither a long nor a BigInteger
            }
        }
        return GuestValues.toJava(value, dialect, 1 << 20);
    }

    private static FormulaException failure(FormulaInstance instance, PolyglotException e, Dialect dialect) {
        Status stopped = instance.stopped;
        if (stopped == Status.TIMEOUT) {
            return new FormulaException(Status.TIMEOUT, GuestError.of(Status.TIMEOUT.id(), "formula wall-time limit reached"));
        }
        if (stopped == Status.MEMORY_LIMIT) {
            return new FormulaException(Status.MEMORY_LIMIT,
                    GuestError.of(Status.MEMORY_LIMIT.id(), "formula allocation limit reached"));
        }
        if (e.isResourceExhausted() || e.isCancelled()) {
            return new FormulaException(Status.STATEMENT_LIMIT,
                    GuestError.of(Status.STATEMENT_LIMIT.id(), "formula statement limit reached"));
        }
        return new FormulaException(Status.ERROR, GuestErrors.of(e, dialect));
    }

    /** An evaluation the statement limit stopped on a counter that earlier evaluations had used too. */
    private static final class StoppedEarly extends RuntimeException {
        StoppedEarly() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return dialect.language() + " formula (" + String.join(", ", parameters) + ") -> " + expression;
    }
}
