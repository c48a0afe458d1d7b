package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.FormulaException;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.SandboxException;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A Python formula. The expression is checked against an allow-list before it is compiled: arithmetic,
 * comparisons, boolean logic, conditionals, literals, subscripts, generator expressions, the parameters and a fixed
 * set of pure functions ({@code abs min max round sum len int float str bool all any sorted divmod sqrt floor ceil
 * exp log log10}); no attribute access, no other names, no lambdas or assignments, and {@code **} only with a
 * constant exponent of at most 64. The compiled function's globals hold only those functions, so an evaluation
 * can neither keep state nor reach anything else. Evaluations run on the executor's guest threads, under all the
 * policy's limits, like any execution.
 */
final class PythonFormula extends CompiledFormula implements ContextLease {

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
                args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p) for p in params], vararg=None,
                                     kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
                function = ast.fix_missing_locations(ast.Expression(body=ast.Lambda(args=args, body=tree.body)))
                return eval(compile(function, 'formula.py', 'eval'), {'__builtins__': dict(FUNCTIONS)})
            ''', ns), ns['build'])[1])({})
            """, "<sandlot-formula>").buildLiteral();

    private final Executor executor;
    private final Policy policy;
    private final Limits limits;
    private final String call;
    private final Queue<GuestContext> idle = new ConcurrentLinkedQueue<>();

    PythonFormula(Executor executor, Policy policy, String expression, List<String> parameters) {
        super(Language.PYTHON, expression, parameters);
        this.executor = executor;
        this.policy = policy;
        this.limits = policy.limits();
        this.call = FUNCTION + "(" + String.join(", ", parameters()) + ")";
        idle.offer(create());
        Queue<GuestContext> contexts = idle;
        CLEANER.register(this, () -> {
            GuestContext context;
            while ((context = contexts.poll()) != null) {
                context.close(true);
            }
        });
    }

    private GuestContext create() {
        GuestContext guest = executor.contexts().create(policy, Language.PYTHON, limits.maxStatements());
        try {
            guest.jsonParser();
            Value names = guest.jsonParser().execute(io.sandlot.internal.convert.Json.write(parameters()));
            Value function = guest.context.eval(BUILDER).execute(expression(), names);
            guest.context.getBindings("python").putMember(FUNCTION, function);
            return guest;
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
        ExecutionRequest.Builder request = ExecutionRequest.newBuilder(Language.PYTHON, call).limits(limits);
        for (int i = 0; i < arguments.length; i++) {
            request.input(parameters().get(i), arguments[i]);
        }
        ExecutionResult result;
        try {
            result = executor.submit(policy, request.build(), limits, this).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FormulaException(io.sandlot.Status.CANCELLED,
                    io.sandlot.GuestError.of(io.sandlot.Status.CANCELLED.id(), "interrupted"));
        } catch (ExecutionException e) {
            throw new SandboxException("the formula failed inside the sandbox", e.getCause());
        }
        if (!result.isOk()) {
            throw new FormulaException(result.status(), result.error());
        }
        return result.value();
    }

    @Override
    public GuestContext acquire() {
        GuestContext guest = idle.poll();
        if (guest == null) {
            guest = create();
        } else if (limits.maxStatements() > 0) {
            guest.context.resetLimits();
        }
        return guest;
    }

    @Override
    public void release(GuestContext guest, Execution execution) {
        if (execution.stopReason.get() == null) {
            idle.offer(guest);
        } else {
            guest.close(true);
        }
    }

    @Override
    public void stop(GuestContext guest, Execution execution) {
        try {
            guest.context.interrupt(Duration.ofMillis(Executor.GRACE_MS));
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            guest.close(true);
        }
    }
}
