package io.sandlot.internal.exec;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.internal.convert.Json;
import java.lang.ref.Cleaner;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A Python formula. The expression is checked against an allow-list before it is compiled: arithmetic,
 * comparisons, boolean logic, conditionals, literals, subscripts, generator expressions, the parameters and a fixed
 * set of pure functions ({@code abs min max round sum len int float str bool all any sorted divmod sqrt floor ceil
 * exp log log10}); no attribute access, no other names, no lambdas or assignments, and {@code **} only with a
 * constant exponent of at most 64 and a base without another {@code **}. The compiled function's globals hold only
 * those functions, so an evaluation can neither keep state nor reach anything else.
 *
 * <p>Evaluations run on the caller's thread, like {@link JsFormula}'s, each in one of a few identical contexts used
 * by one thread at a time, under the policy's wall-time, memory and statement limits (the watchdog closes the
 * context of an evaluation over its time limit, or over its memory limit while the heap is nearly full; see
 * {@link FormulaInstance#maxAllocatedBytes}). A single builtin operation on huge arguments (say
 * {@code x ** 64} of an integer with a million digits) cannot be interrupted and keeps the calling thread until it
 * ends.
 */
final class PythonFormula extends CompiledFormula {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final String FUNCTION = "__sandlot_formula__";
    private static final Source BUILDER = Source.newBuilder("python", """
            (lambda ns: (exec('''
            import ast, math
            NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Name, ast.Load,
                     ast.Store, ast.Constant, ast.Call, ast.keyword, ast.List, ast.Tuple, ast.Dict, ast.Subscript,
                     ast.Slice, ast.GeneratorExp, ast.ListComp, ast.comprehension, ast.operator, ast.unaryop,
                     ast.boolop, ast.cmpop)
            FUNCTIONS = {'abs': abs, 'min': min, 'max': max, 'round': round, 'sum': sum, 'len': len, 'int': int,
                         'float': float, 'str': str, 'bool': bool, 'all': all, 'any': any, 'sorted': sorted,
                         'divmod': divmod, 'sqrt': math.sqrt, 'floor': math.floor, 'ceil': math.ceil,
                         'exp': math.exp, 'log': math.log, 'log10': math.log10}
            def build(expression, params):
                tree = ast.parse(expression, 'formula.py', 'eval')
                local = set(params)
                for node in ast.walk(tree):
                    if isinstance(node, ast.comprehension):
                        if not isinstance(node.target, ast.Name):
                            raise ValueError('a comprehension must bind a single name')
                        local.add(node.target.id)
                for node in ast.walk(tree):
                    if not isinstance(node, NODES):
                        raise ValueError(type(node).__name__ + ' is not allowed in a formula')
                    if isinstance(node, ast.Name) and node.id not in local and node.id not in FUNCTIONS:
                        raise ValueError("unknown name '" + node.id + "'")
                    if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS):
                        raise ValueError('only these functions can be called: ' + ', '.join(sorted(FUNCTIONS)))
                    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
                        e = node.right
                        if not (isinstance(e, ast.Constant) and type(e.value) in (int, float) and abs(e.value) <= 64):
                            raise ValueError('the exponent of ** must be a number constant from -64 to 64')
                        if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) for n in ast.walk(node.left)):
                            raise ValueError('the base of ** must not contain another **')
                args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p) for p in params], vararg=None,
                                     kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
                function = ast.fix_missing_locations(ast.Expression(body=ast.Lambda(args=args, body=tree.body)))
                return eval(compile(function, 'formula.py', 'eval'), {'__builtins__': dict(FUNCTIONS)})
            ''', ns), ns['build'])[1])({})
            """, "<sandlot-formula>").buildLiteral();

    private final FormulaInstances instances;
    private final long statements;

    PythonFormula(Executor executor, Policy policy, String expression, List<String> parameters) {
        super(Language.PYTHON, expression, parameters);
        Limits limits = policy.limits();
        this.statements = limits.maxStatements();
        List<String> names = parameters();
        this.instances = new FormulaInstances(executor, () -> create(executor, policy, expression, names));
        instances.release(instances.create());
        CLEANER.register(this, instances::close);
    }

    private static FormulaInstance create(Executor executor, Policy policy, String expression, List<String> parameters) {
        Limits limits = policy.limits();
        GuestContext guest = executor.contexts().create(policy, Language.PYTHON, limits.maxStatements());
        try {
            Value names = guest.jsonParser().execute(Json.write(parameters));
            Value function = guest.context.eval(BUILDER).execute(expression, names);
            return new FormulaInstance(guest, function, limits.timeoutMs(), limits.maxMemoryMb());
        } catch (PolyglotException e) {
            guest.close(true);
            if (e.isGuestException()) {
                throw new IllegalArgumentException("formula rejected: " + e.getMessage(), e);
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
            Object[] guestArguments = JsFormula.toGuest(instance, parameters(), arguments);
            if (statements > 0) {
                instance.guest.context.resetLimits();
            }
            instance.begin();
            Value value = instance.function.execute(guestArguments);
            instance.end();
            return JsFormula.toJava(value, Language.PYTHON);
        } catch (PolyglotException e) {
            instance.end();
            reusable = !(e.isCancelled() || e.isResourceExhausted() || e.isInterrupted() || e.isInternalError()
                    || e.isExit());
            throw JsFormula.failure(instance, e, Dialect.PYTHON);
        } finally {
            if (reusable) {
                instances.release(instance);
            } else {
                instances.discard(instance);
            }
        }
    }
}
