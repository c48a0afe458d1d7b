package io.sandlot;

import java.util.List;

/**
 * An expression compiled once with declared parameter names, such as {@code price * qty * (1 - discount)},
 * evaluated many times with different arguments, from many threads. Obtained from
 * {@link Sandbox#compileFormula(Language, String, String...)}.
 *
 * <p>Each evaluation runs under the sandbox policy's {@link Limits#maxStatements() statement} and
 * {@link Limits#timeoutMs() time} limits. A formula keeps no state between evaluations and sees no other formula:
 * JavaScript formulas run in strict mode against a deeply frozen global scope; Python formulas are restricted to
 * arithmetic, comparisons, conditionals, literals, parameters and a fixed set of pure builtins.
 */
public interface Formula {

    /** The formula's language. */
    Language language();

    /** The expression. */
    String expression();

    /** The parameter names, in the order {@link #evaluate(Object...)} takes the arguments. */
    List<String> parameters();

    /**
     * Evaluates the formula.
     *
     * @param arguments one JSON-like value per parameter (null, Boolean, Number, String, List, Map)
     * @return the value, converted as {@link ExecutionResult#value()}
     * @throws FormulaException if the evaluation fails or hits a limit; {@link FormulaException#status()} says which
     * @throws IllegalArgumentException if the number of arguments is wrong or one is not JSON-like
     */
    Object evaluate(Object... arguments);
}
