package io.sandlot.internal.lang;

import io.sandlot.Limits;
import io.sandlot.wire.Json;
import java.util.List;
import org.graalvm.polyglot.Context;
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
 * <p>Evaluations run under the policy's wall-time, memory and statement limits (the watchdog closes the
 * context of an evaluation over its time limit, or over its memory limit while the heap is nearly full; see
 * the formula instance's {@code maxAllocatedBytes}). A single builtin operation on huge arguments (say
 * {@code x ** 64} of an integer with a million digits) cannot be interrupted and keeps the calling thread until it
 * ends.
 */
final class PythonFormula implements FormulaCode {

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
            Value names = jsonParser.execute(Json.write(parameters));
            return context.eval(BUILDER).execute(expression, names);
        } catch (PolyglotException e) {
            if (e.isGuestException()) {
                throw new IllegalArgumentException("formula rejected: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
