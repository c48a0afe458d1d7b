package io.sandlot.internal.exec;

import io.sandlot.Formula;
import io.sandlot.Language;
import java.util.List;

/** What every formula has: its language, expression and parameters, and the check of an evaluation's arity. */
abstract class CompiledFormula implements Formula {

    private final Language language;
    private final String expression;
    private final List<String> parameters;

    CompiledFormula(Language language, String expression, List<String> parameters) {
        this.language = language;
        this.expression = expression;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final Language language() {
        return language;
    }

    @Override
    public final String expression() {
        return expression;
    }

    @Override
    public final List<String> parameters() {
        return parameters;
    }

    /** @throws IllegalArgumentException unless there is one argument per parameter */
    final void checkArity(Object[] arguments) {
        if (arguments.length != parameters.size()) {
            throw new IllegalArgumentException("formula takes " + parameters.size() + " arguments " + parameters
                    + ", got " + arguments.length);
        }
    }

    @Override
    public String toString() {
        return language + " formula (" + String.join(", ", parameters) + ") -> " + expression;
    }
}
