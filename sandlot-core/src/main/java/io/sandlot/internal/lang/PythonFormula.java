package io.sandlot.internal.lang;

import io.sandlot.Limits;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * A Python formula. The expression is checked against an allow-list before it is compiled: arithmetic,
 * comparisons, boolean logic, conditionals, literals, subscripts, generator expressions, the parameters and a fixed
 * set of pure functions ({@code abs min max round sum len int float str bool all any sorted divmod sqrt floor ceil
 * exp log log10}); no attribute access, no other names, no lambdas or assignments, and {@code **} only with a
 * constant exponent of at most 64 and a base without another {@code **} (see {@link PythonExpressions}). The
 * compiled function's globals hold only those functions, so an evaluation can neither keep state nor reach anything
 * else.
 *
 * <p>Evaluations run under the policy's wall-time, memory and statement limits (the watchdog closes the
 * context of an evaluation over its time limit, or over its memory limit while the heap is nearly full; see
 * the formula instance's {@code maxAllocatedBytes}). A single builtin operation on huge arguments (say
 * {@code x ** 64} of an integer with a million digits) cannot be interrupted and keeps the calling thread until it
 * ends.
 */
final class PythonFormula implements FormulaCode {

    private final long statements;
    private final long maxMemoryMb;
    private final String expression;
    private final List<String> parameters;

    PythonFormula(Limits limits, String expression, List<String> parameters) {
        this.statements = limits.maxStatements();
        this.maxMemoryMb = limits.maxMemoryMb();
        this.expression = expression;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public long statements() {
        return statements;
    }

    @Override
    public long maxMemoryMb() {
        return maxMemoryMb;
    }

    @Override
    public Value compile(Context context, Value jsonParser) {
        try {
            return PythonExpressions.compile(PythonExpressions.builder(context), jsonParser, expression, parameters,
                    true);
        } catch (PythonExpressions.Rejected e) {
            throw new IllegalArgumentException("formula rejected: " + e.getMessage(), e);
        }
    }
}
