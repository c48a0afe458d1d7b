package io.sandlot.internal.exec;

import io.sandlot.Formula;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.internal.lang.Dialect;
import io.sandlot.internal.lang.Dialects;
import io.sandlot.internal.lang.FormulaCode;
import io.sandlot.internal.lang.GuestValues;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.function.Function;
import org.graalvm.polyglot.Value;

/**
 * A formula in any language, evaluated on the caller's thread for speed (a warm evaluation is one polyglot call),
 * each evaluation in one of a few identical contexts used by one thread at a time, under the executor's watchdog.
 * What the language adds (how the formula compiles, its statement and memory budget) is its dialect's
 * {@link FormulaCode}.
 *
 * <p>How evaluations share a statement counter: {@link FormulaEvaluator}.
 */
final class GuestFormula implements Formula {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Dialect dialect;
    private final String expression;
    private final List<String> parameters;
    private final FormulaEvaluator evaluator;
    private final Function<Value, Object> toJava;

    /** @throws IllegalArgumentException if the expression does not compile or is rejected */
    GuestFormula(GuestExecutor executor, Policy policy, Language language, String expression, List<String> parameters) {
        this.dialect = Dialects.of(language);
        this.expression = expression;
        this.parameters = List.copyOf(parameters);
        this.toJava = value -> toJava(value, dialect);
        FormulaCode code = dialect.formula(policy.limits(), expression, this.parameters);
        long timeoutMs = policy.limits().timeoutMs();
        FormulaInstances instances = new FormulaInstances(executor,
                () -> create(executor, policy, language, code, timeoutMs));
        instances.release(instances.create());
        this.evaluator = new FormulaEvaluator(dialect, code.statements(), !policy.hostFunctions().isEmpty(), instances);
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
        return evaluator.evaluate(instance -> instance.function, parameters, arguments, toJava);
    }

    /** @throws IllegalArgumentException unless there is one argument per parameter */
    private void checkArity(Object[] arguments) {
        if (arguments.length != parameters.size()) {
            throw new IllegalArgumentException("formula takes " + parameters.size() + " arguments " + parameters
                    + ", got " + arguments.length);
        }
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

    @Override
    public String toString() {
        return dialect.language() + " formula (" + String.join(", ", parameters) + ") -> " + expression;
    }
}
