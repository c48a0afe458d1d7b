package io.sandlot.internal.lang;

import io.sandlot.Limits;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A JavaScript formula. Each evaluation runs in a context whose whole global object graph was frozen before the
 * formula was compiled, in strict mode: assignments to anything that outlives the call throw, so no state survives
 * an evaluation. Its limits: the statement limit ({@link #DEFAULT_STATEMENTS} when the policy sets none) and the
 * wall-time limit; no memory limit.
 */
final class JsFormula implements FormulaCode {

    /** The statement budget of an evaluation when the policy sets none. */
    static final long DEFAULT_STATEMENTS = 1_000_000;
    private static final Source DEEP_FREEZE = Source.newBuilder("js", """
            (function () {
              'use strict';
              // The legacy RegExp statics (RegExp.$1, lastMatch...) keep the last match: state that outlives a call.
              for (const key of ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch',
                  '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"]) {
                delete RegExp[key];
              }
              const seen = new Set(), stack = [globalThis];
              while (stack.length) {
                const o = stack.pop();
                if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) { continue; }
                seen.add(o);
                for (const key of Reflect.ownKeys(o)) {
                  const d = Reflect.getOwnPropertyDescriptor(o, key);
                  if (d) { if ('value' in d) { stack.push(d.value); } else { stack.push(d.get, d.set); } }
                }
                stack.push(Object.getPrototypeOf(o));
                Object.freeze(o);
              }
            })();
            """, "<sandlot-freeze>").buildLiteral();

    private final long statements;
    private final Source function;

    JsFormula(Limits limits, String expression, List<String> parameters) {
        this.statements = limits.maxStatements() > 0 ? limits.maxStatements() : DEFAULT_STATEMENTS;
        String function = "(function (" + String.join(", ", parameters) + ") {\n'use strict';\nreturn (\n"
                + expression + "\n);\n})";
        this.function = Source.newBuilder("js", function, "formula.js").buildLiteral();
    }

    @Override
    public long statements() {
        return statements;
    }

    @Override
    public long maxMemoryMb() {
        return 0;
    }

    @Override
    public Value compile(Context context, Value jsonParser) {
        try {
            context.eval(DEEP_FREEZE);
            return context.eval(function);
        } catch (PolyglotException e) {
            if (e.isSyntaxError()) {
                throw new IllegalArgumentException("formula does not compile: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
