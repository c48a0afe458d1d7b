package io.sandlot.internal.lang;

import io.sandlot.wire.Json;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The allow-list that makes a Python expression safe to evaluate again and again in one context, and the compiler
 * that applies it: Python formulas use it, and so do stateless executions whose code is one such expression.
 *
 * <p>Allowed: arithmetic, comparisons, boolean logic, conditionals, literals, subscripts and slices, list and
 * generator comprehensions that bind single names, the parameters, and calls of a fixed set of pure functions
 * ({@code abs min max round sum len int float str bool all any sorted divmod}, plus, for formulas only,
 * {@code sqrt floor ceil exp log log10} from {@code math}). Rejected: attribute access, any other name, lambdas,
 * assignments and assignment expressions, f-strings, and {@code **} other than with a number constant from -64
 * to 64 as exponent and a base without another {@code **}. The expression is compiled into a function of its
 * parameters whose globals hold only the allowed functions, so an evaluation can neither keep state nor reach
 * anything beyond its arguments: nothing one evaluation does is visible to the next.
 */
public final class PythonExpressions {

    private static final Source BUILDER = Source.newBuilder("python", """
            (lambda ns: (exec('''
            import ast, math
            NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Name, ast.Load,
                     ast.Store, ast.Constant, ast.Call, ast.keyword, ast.List, ast.Tuple, ast.Dict, ast.Subscript,
                     ast.Slice, ast.GeneratorExp, ast.ListComp, ast.comprehension, ast.operator, ast.unaryop,
                     ast.boolop, ast.cmpop)
            BUILTINS = {'abs': abs, 'min': min, 'max': max, 'round': round, 'sum': sum, 'len': len, 'int': int,
                        'float': float, 'str': str, 'bool': bool, 'all': all, 'any': any, 'sorted': sorted,
                        'divmod': divmod}
            MATH = {'sqrt': math.sqrt, 'floor': math.floor, 'ceil': math.ceil, 'exp': math.exp, 'log': math.log,
                    'log10': math.log10}
            def build(expression, params, with_math):
                functions = dict(BUILTINS, **MATH) if with_math else BUILTINS
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
                    if isinstance(node, ast.Name) and node.id not in local and node.id not in functions:
                        raise ValueError("unknown name '" + node.id + "'")
                    if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in functions):
                        raise ValueError('only these functions can be called: ' + ', '.join(sorted(functions)))
                    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
                        e = node.right
                        if not (isinstance(e, ast.Constant) and type(e.value) in (int, float) and abs(e.value) <= 64):
                            raise ValueError('the exponent of ** must be a number constant from -64 to 64')
                        if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) for n in ast.walk(node.left)):
                            raise ValueError('the base of ** must not contain another **')
                args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p) for p in params], vararg=None,
                                     kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
                function = ast.fix_missing_locations(ast.Expression(body=ast.Lambda(args=args, body=tree.body)))
                return eval(compile(function, 'formula.py', 'eval'), {'__builtins__': dict(functions)})
            ''', ns), ns['build'])[1])({})
            """, "<sandlot-formula>").buildLiteral();

    /** Turns every warning into an exception, in the context it runs in. */
    private static final Source WARNINGS_AS_ERRORS = Source.newBuilder("python",
            "import warnings\nwarnings.simplefilter('error')", "<sandlot-warnings>").buildLiteral();

    private PythonExpressions() {
    }

    /** The compiler of formulas, a guest function; evaluate this in a context that runs no other guest code. */
    public static Value builder(Context context) {
        return context.eval(BUILDER);
    }

    /**
     * The compiler of executions' expressions, as {@link #builder}, in a context where every warning is an
     * exception: an execution prints a warning (say, the {@code SyntaxWarning} of {@code 1 is 1}) on its stderr,
     * so an expression that warns, when compiled or evaluated, is rejected or fails, and runs in a fresh context,
     * whose result has the warning.
     */
    public static Value executionBuilder(Context context) {
        Value builder = builder(context);
        context.eval(WARNINGS_AS_ERRORS);
        return builder;
    }

    /**
     * Compiles {@code expression} into a function of {@code parameters}.
     *
     * @param builder what {@link #builder} returned in the context to compile in
     * @param jsonParser that context's JSON parser
     * @param withMath whether {@code sqrt floor ceil exp log log10} are allowed (in formulas, not in executions,
     *     where they are not builtins)
     * @throws Rejected if the expression does not parse or breaks the allow-list
     */
    public static Value compile(Value builder, Value jsonParser, String expression, List<String> parameters,
            boolean withMath) {
        try {
            return builder.execute(expression, jsonParser.execute(Json.write(parameters)), withMath);
        } catch (PolyglotException e) {
            if (e.isGuestException() && !e.isExit()) {
                throw new Rejected(e.getMessage());
            }
            throw e;
        }
    }

    /** An expression the allow-list rejects, or that does not parse. */
    public static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }
}
