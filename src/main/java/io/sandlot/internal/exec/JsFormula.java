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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    private final Instances instances;

    JsFormula(Executor executor, Policy policy, String expression, List<String> parameters) {
        super(Language.JS, expression, parameters);
        long statements = policy.limits().maxStatements() > 0 ? policy.limits().maxStatements() : DEFAULT_STATEMENTS;
        String function = "(function (" + String.join(", ", parameters()) + ") {\n'use strict';\nreturn (\n"
                + expression + "\n);\n})";
        this.instances = new Instances(executor, policy, statements, policy.limits().timeoutMs(),
                Source.newBuilder("js", function, "formula.js").buildLiteral());
        instances.release(instances.create());
        CLEANER.register(this, instances::close);
    }

    @Override
    public Object evaluate(Object... arguments) {
        checkArity(arguments);
        Instance instance = instances.acquire();
        boolean reusable = true;
        try {
            Object[] guestArguments = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                guestArguments[i] = toGuest(instance, parameters().get(i), arguments[i]);
            }
            instance.begin(instances.timeoutNanos);
            Value value = instance.function.execute(guestArguments);
            instance.end();
            return GuestValues.toJava(value, Language.JS, 1 << 20);
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

    private static Object toGuest(Instance instance, String name, Object argument) {
        if (argument == null || argument instanceof String || argument instanceof Boolean
                || argument instanceof Long || argument instanceof Integer || argument instanceof Double) {
            return argument;
        }
        Json.requireJsonLike("argument '" + name + "'", argument);
        return instance.guest.jsonParser().execute(Json.write(argument));
    }

    private static FormulaException failure(Instance instance, PolyglotException e) {
        if (instance.timedOut) {
            return new FormulaException(Status.TIMEOUT, GuestError.of(Status.TIMEOUT.id(), "formula wall-time limit reached"));
        }
        if (e.isResourceExhausted() || e.isCancelled()) {
            return new FormulaException(Status.STATEMENT_LIMIT,
                    GuestError.of(Status.STATEMENT_LIMIT.id(), "formula statement limit reached"));
        }
        return new FormulaException(Status.ERROR, GuestErrors.of(e, Dialect.JS));
    }

    /** One context with the compiled function; used by one thread at a time. */
    static final class Instance {
        final GuestContext guest;
        final Value function;
        volatile long deadlineNanos;
        volatile boolean timedOut;

        Instance(GuestContext guest, Value function) {
            this.guest = guest;
            this.function = function;
        }

        void begin(long timeoutNanos) {
            if (timeoutNanos > 0) {
                deadlineNanos = System.nanoTime() + timeoutNanos;
            }
        }

        void end() {
            deadlineNanos = 0;
        }
    }

    /**
     * The idle instances of one formula. Kept apart from the formula object so that the formula can be collected
     * (and its contexts closed by the cleaner) while the watchdog still knows the instances.
     */
    static final class Instances {
        private final Executor executor;
        private final Policy policy;
        private final long statements;
        private final long timeoutNanos;
        private final Source function;
        private final Queue<Instance> idle = new ConcurrentLinkedQueue<>();

        Instances(Executor executor, Policy policy, long statements, long timeoutMs, Source function) {
            this.executor = executor;
            this.policy = policy;
            this.statements = statements;
            this.timeoutNanos = timeoutMs * 1_000_000;
            this.function = function;
        }

        Instance create() {
            GuestContext guest = executor.contexts().create(policy, Language.JS, statements);
            try {
                guest.jsonParser();
                guest.context.eval(DEEP_FREEZE);
                Instance instance = new Instance(guest, guest.context.eval(function));
                executor.watch(instance);
                return instance;
            } catch (PolyglotException e) {
                guest.close(true);
                if (e.isSyntaxError()) {
                    throw new IllegalArgumentException("formula does not compile: " + e.getMessage(), e);
                }
                throw e;
            }
        }

        Instance acquire() {
            Instance instance = idle.poll();
            if (instance == null) {
                instance = create();
            }
            if (statements > 0) {
                instance.guest.context.resetLimits();
            }
            return instance;
        }

        void release(Instance instance) {
            instance.timedOut = false;
            idle.offer(instance);
        }

        void discard(Instance instance) {
            executor.unwatch(instance);
            instance.guest.close(true);
        }

        void close() {
            Instance instance;
            while ((instance = idle.poll()) != null) {
                discard(instance);
            }
        }
    }
}
