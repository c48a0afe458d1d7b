package io.sandlot.internal.exec;

import io.sandlot.FormulaException;
import io.sandlot.GuestError;
import io.sandlot.Status;
import io.sandlot.internal.lang.Dialect;
import io.sandlot.internal.lang.GuestErrors;
import io.sandlot.wire.Json;
import java.util.List;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Evaluations of guest functions in a set of {@link FormulaInstance}s, on the caller's thread, under the executor's
 * watchdog: what a {@link GuestFormula} and {@link Expressions} share.
 *
 * <p>The statement limit is per evaluation, but resetting a context's counter costs about half as much as a warm
 * evaluation (27 ns on top of a 51 ns call in a JS probe, {@code scripts/formula-parts}), so a counter is reset only
 * every {@link #resetEvery} evaluations, while each evaluation is cheap next to the limit. An evaluation stopped by
 * the limit on a counter it shared with earlier evaluations runs again, once, in a fresh context with the whole
 * budget, and the evaluator resets before every evaluation from then on: only an evaluation over the limit on its
 * own fails. Running it again is safe because an evaluation keeps no state; it is not done when the policy exposes
 * host functions (their effects would happen twice): then the counter is reset before every evaluation.
 */
final class FormulaEvaluator {

    /**
     * Evaluations per counter reset: at most the budget over this, so that evaluations run between resets can use
     * at most a 1/{@value} of the budget on average before one of them could be stopped early.
     */
    private static final long BUDGET_SHARE = 4096;
    private static final int MAX_RESET_EVERY = 256;

    private final Dialect dialect;
    private final long statements;
    private final FormulaInstances instances;
    /** How many evaluations share a statement counter between resets; 1 once an evaluation was stopped early. */
    private volatile int resetEvery;

    /**
     * @param statements the statement limit of one evaluation (0: none)
     * @param hostFunctions whether the contexts expose host functions (then the counter is reset every time)
     */
    FormulaEvaluator(Dialect dialect, long statements, boolean hostFunctions, FormulaInstances instances) {
        this.dialect = dialect;
        this.statements = statements;
        this.instances = instances;
        this.resetEvery = hostFunctions ? 1 : (int) Math.max(1, Math.min(MAX_RESET_EVERY, statements / BUDGET_SHARE));
    }

    /**
     * Evaluates the function {@code function} picks in an instance with {@code arguments}, and converts its value
     * with {@code convert} while the instance is still held.
     *
     * @param names the parameters' names, for messages
     * @throws FormulaException if the evaluation failed or a limit stopped it
     */
    <T> T evaluate(Function<FormulaInstance, Value> function, List<String> names, Object[] arguments,
            Function<Value, T> convert) {
        try {
            return evaluateOnce(function, names, arguments, convert);
        } catch (StoppedEarly e) {
            resetEvery = 1;
            return evaluateOnce(function, names, arguments, convert);
        }
    }

    /** @throws StoppedEarly if the statement limit stopped it on a counter shared with earlier evaluations */
    private <T> T evaluateOnce(Function<FormulaInstance, Value> function, List<String> names, Object[] arguments,
            Function<Value, T> convert) {
        FormulaInstance instance = instances.acquire();
        boolean reusable = true;
        try {
            Value callee = function.apply(instance);
            Object[] guestArguments = toGuest(instance, names, arguments);
            if (statements > 0) {
                instance.chargeStatementCounter(resetEvery);
            }
            instance.begin();
            Value value = callee.execute(guestArguments);
            instance.end();
            return convert.apply(value);
        } catch (PolyglotException e) {
            instance.end();
            reusable = !(e.isCancelled() || e.isResourceExhausted() || e.isInterrupted() || e.isInternalError()
                    || e.isExit());
            FormulaException failure = failure(instance, e);
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

    /** Closes the idle instances' contexts. */
    void close() {
        instances.close();
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

    private FormulaException failure(FormulaInstance instance, PolyglotException e) {
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
}
