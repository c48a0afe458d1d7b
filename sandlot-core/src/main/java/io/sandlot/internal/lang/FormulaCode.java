package io.sandlot.internal.lang;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/** A formula's language-specific part: its statement and memory budget, and how it compiles in a new context. */
public interface FormulaCode {

    /** The statement limit of one evaluation; 0 = none. */
    long statements();

    /** The memory limit of one evaluation in MiB; 0 = none. */
    long maxMemoryMb();

    /**
     * Compiles the formula in {@code context}, which has run no guest code, into a function of its parameters.
     *
     * @param jsonParser the context's JSON parser
     * @throws IllegalArgumentException if the expression does not compile or is rejected
     */
    Value compile(Context context, Value jsonParser);
}
