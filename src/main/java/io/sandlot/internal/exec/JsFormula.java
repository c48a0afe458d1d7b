package io.sandlot.internal.exec;

import io.sandlot.FormulaException;
import io.sandlot.GuestError;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Status;
import io.sandlot.internal.convert.GuestValues;
import io.sandlot.internal.convert.Json;
import java.lang.ref.Cleaner;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A JavaScript formula, evaluated on the caller's thread for speed (a warm evaluation is one polyglot call).
 * Each evaluation runs in one of a few identical contexts, each used by one thread at a time, whose whole global
 * object graph was frozen before the formula was compiled, in strict mode: assignments to anything that
 * outlives the call throw, so no state survives an evaluation. Its limits: the statement limit (reset before each
 * evaluation; {@link #DEFAULT_STATEMENTS} when the policy sets none) and the wall-time limit, enforced by the
 * executor's watchdog, which cancels the context.
 */
final class JsFormula extends CompiledFormula {

    /** The statement budget of an evaluation when the policy sets none. */
    static final long DEFAULT_STATEMENTS = 1_000_000;
    private static final Cleaner CLEANER = Cleaner.create();
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

    private final FormulaInstances instances;

    JsFormula(Executor executor, Policy policy, String expression, List<String> parameters) {
        super(Language.JS, expression, parameters);
        long statements = policy.limits().maxStatements() > 0 ? policy.limits().maxStatements() : DEFAULT_STATEMENTS;
        String function = "(function (" + String.join(", ", parameters()) + ") {\n'use strict';\nreturn (\n"
                + expression + "\n);\n})";
        Source source = Source.newBuilder("js", function, "formula.js").buildLiteral();
        long timeoutMs = policy.limits().timeoutMs();
        this.instances = new FormulaInstances(executor, () -> create(executor, policy, statements, timeoutMs, source));
        instances.release(instances.create());
        CLEANER.register(this, instances::close);
    }

    private static FormulaInstance create(Executor executor, Policy policy, long statements, long timeoutMs,
            Source function) {
        GuestContext guest = executor.contexts().create(policy, Language.JS, statements);
        try {
            guest.jsonParser();
            guest.context.eval(DEEP_FREEZE);
            return new FormulaInstance(guest, guest.context.eval(function), timeoutMs, 0);
        } catch (PolyglotException e) {
            guest.close(true);
            if (e.isSyntaxError()) {
                throw new IllegalArgumentException("formula does not compile: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public Object evaluate(Object... arguments) {
        checkArity(arguments);
        FormulaInstance instance = instances.acquire();
        boolean reusable = true;
        try {
            Object[] guestArguments = toGuest(instance, parameters(), arguments);
            instance.guest.context.resetLimits();
            instance.begin();
            Value value = instance.function.execute(guestArguments);
            instance.end();
            return toJava(value, Language.JS);
        } catch (PolyglotException e) {
            instance.end();
            reusable = !(e.isCancelled() || e.isResourceExhausted() || e.isInterrupted() || e.isInternalError());
            throw failure(instance, e);
        } finally {
            if (reusable) {
                instances.release(instance);
            } else {
                instances.discard(instance);
            }
        }
    }

    /** The arguments as the guest gets them: the caller's array itself when every argument is a primitive. */
    static Object[] toGuest(FormulaInstance instance, List<String> names, Object[] arguments) {
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
     */
    static Object toJava(Value value, Language language) {
        if ((language == Language.JS || !value.isBoolean()) && value.fitsInDouble()) {
            double d = value.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63 && (d != 0 || 1 / d > 0)) {
                return (long) d;
            }
            if (Double.isFinite(d) && d != Math.rint(d)) {
                return d;   // finite and fractional: neither a long nor a BigInteger
            }
        }
        return GuestValues.toJava(value, language, 1 << 20);
    }

    static FormulaException failure(FormulaInstance instance, PolyglotException e, Dialect dialect) {
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

    private static FormulaException failure(FormulaInstance instance, PolyglotException e) {
        return failure(instance, e, Dialect.JS);
    }
}
