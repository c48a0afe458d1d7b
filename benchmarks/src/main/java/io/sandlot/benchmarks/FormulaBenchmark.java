package io.sandlot.benchmarks;

import delight.nashornsandbox.NashornSandbox;
import delight.nashornsandbox.NashornSandboxes;
import io.sandlot.Formula;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.local.SandboxFactory;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.script.Invocable;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Formula evaluation: {@code price * qty * (1 - discount)}, compiled once, evaluated with different inputs on every
 * call, by six evaluators side by side:
 * <ul>
 *   <li>{@code sandlotJs}, {@code sandlotPython}: {@link io.sandlot.Sandbox#compileFormula}, under a policy with a
 *       1 s time limit per evaluation;</li>
 *   <li>{@code jexl}: an Apache Commons JEXL 3 script created once, with {@link JexlPermissions#RESTRICTED}, a sandbox
 *       that allows no class, and features cut down to expressions (no loops, side effects, method calls, new);</li>
 *   <li>{@code nashornSandbox}: delight-nashorn-sandbox with its CPU limit on (1 s, which requires an executor: every
 *       evaluation hops to the executor's thread while the caller's thread monitors it), calling a function defined
 *       once through its sandboxed {@link Invocable};</li>
 *   <li>{@code graalJsUnsandboxed}: a plain GraalJS context (no limits, no sandbox policy) executing a prebuilt
 *       function {@link Value}: what the sandbox's own formula costs on top of GraalJS;</li>
 *   <li>{@code javaLambda}: a Java lambda on primitive doubles, the floor.</li>
 * </ul>
 *
 * <p>Run: {@code benchmarks/run FormulaBenchmark}; quick: {@code benchmarks/run --quick FormulaBenchmark}; one
 * evaluator: {@code benchmarks/run 'FormulaBenchmark.jexl'}.
 *
 * <p>Pitfalls, and what this benchmark does about them:
 * <ul>
 *   <li>Constant inputs let a JIT fold the whole formula (and GraalJS would specialise on a single value): the
 *       inputs cycle through 1024 precomputed triples, a power of two so the index is a mask; the arrays fit in
 *       cache, and every evaluator pays the same index arithmetic.</li>
 *   <li>Dead code: every method returns its result, so JMH consumes it.</li>
 *   <li>Boxing: the library APIs take {@code Object}s, so their inputs are boxed once in the setup; only the floor
 *       takes primitives, as a hand-written Java formula would.</li>
 *   <li>Only the evaluator the running method needs is built ({@link Setup} looks at the method name), so a
 *       library feature that is missing fails that method alone.</li>
 *   <li>Each evaluator's answers are checked against the floor's in the setup, so a fast wrong answer fails.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)   // GraalJS/GraalPy need 10-20 s to compile and settle on 2 busy cores
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class FormulaBenchmark {

    static final String EXPRESSION = "price * qty * (1 - discount)";
    static final String[] PARAMETERS = {"price", "qty", "discount"};
    private static final int INPUTS = 1024;
    private static final int MASK = INPUTS - 1;

    /** The floor's type: primitive arguments, no boxing. */
    @FunctionalInterface
    interface DoubleFormula {
        double apply(double price, double qty, double discount);
    }

    private final double[] prices = new double[INPUTS];
    private final double[] qtys = new double[INPUTS];
    private final double[] discounts = new double[INPUTS];
    private final Double[] boxedPrices = new Double[INPUTS];
    private final Integer[] boxedQtys = new Integer[INPUTS];
    private final Double[] boxedDiscounts = new Double[INPUTS];
    private int cursor;

    private DoubleFormula lambda;
    private SandboxFactory factory;
    private Formula sandlotFormula;
    private JexlScript jexlScript;
    private ExecutorService nashornExecutor;
    private Invocable nashornInvocable;
    private Engine graalEngine;
    private Context graalContext;
    private Value graalFunction;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < INPUTS; i++) {
            prices[i] = 1 + random.nextInt(100_000) / 100.0;
            qtys[i] = 1 + random.nextInt(20);
            discounts[i] = random.nextInt(50) / 100.0;
            boxedPrices[i] = prices[i];
            boxedQtys[i] = (int) qtys[i];
            boxedDiscounts[i] = discounts[i];
        }
        lambda = (price, qty, discount) -> price * qty * (1 - discount);

        switch (Bench.method(params)) {
            case "sandlotJs" -> sandlotFormula = compileSandlot(Language.JS);
            case "sandlotPython" -> sandlotFormula = compileSandlot(Language.PYTHON);
            case "jexl" -> {
                JexlEngine jexl = new JexlBuilder()
                        .permissions(JexlPermissions.RESTRICTED)
                        .sandbox(new JexlSandbox(false))   // allow-list mode with nothing allowed
                        .features(new JexlFeatures().loops(false).sideEffect(false).sideEffectGlobal(false)
                                .methodCall(false).newInstance(false).lambda(false).annotation(false)
                                .pragma(false).script(false))
                        .strict(true)
                        .silent(false)
                        .create();
                jexlScript = jexl.createScript(EXPRESSION, PARAMETERS);
            }
            case "nashornSandbox" -> {
                NashornSandbox sandbox = NashornSandboxes.create();
                sandbox.setMaxCPUTime(1_000);
                nashornExecutor = Executors.newSingleThreadExecutor();
                sandbox.setExecutor(nashornExecutor);   // required once a CPU limit is set
                sandbox.eval("function formula(price, qty, discount) { return " + EXPRESSION + "; }");
                nashornInvocable = sandbox.getSandboxedInvocable();
            }
            case "graalJsUnsandboxed" -> {
                graalEngine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                Bench.checkJit(graalEngine);
                graalContext = Context.newBuilder("js").engine(graalEngine).build();
                graalFunction = graalContext.eval("js", "(price, qty, discount) => " + EXPRESSION);
            }
            case "javaLambda" -> { }
            default -> throw new IllegalStateException("no setup for " + params.getBenchmark());
        }
        verify();
    }

    private Formula compileSandlot(Language language) {
        factory = Bench.factory();
        Policy policy = Policy.newBuilder().limits(Limits.newBuilder().timeoutMs(1_000).build()).build();
        try {
            return factory.newSandbox(policy).compileFormula(language, EXPRESSION, PARAMETERS);
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException("Sandbox.compileFormula is not implemented in this build of "
                    + "io.sandlot:sandlot yet: " + e.getMessage(), e);
        }
    }

    /** Every evaluator must agree with the floor on every input: a fast wrong answer is no result. */
    private void verify() throws Exception {
        for (int n = 0; n < INPUTS; n++) {
            double expected = prices[n] * qtys[n] * (1 - discounts[n]);
            cursor = n;
            double actual = evaluateOnce();
            if (Math.abs(actual - expected) > 1e-9 * Math.abs(expected)) {
                throw new IllegalStateException("wrong result for input " + n + ": " + actual + " != " + expected);
            }
        }
        cursor = 0;
    }

    private double evaluateOnce() throws Exception {
        if (sandlotFormula != null) {
            return ((Number) sandlotFormula()).doubleValue();
        } else if (jexlScript != null) {
            return ((Number) jexl()).doubleValue();
        } else if (nashornInvocable != null) {
            return ((Number) nashornSandbox()).doubleValue();
        } else if (graalFunction != null) {
            return graalJsUnsandboxed();
        }
        return javaLambda();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (factory != null) {
            factory.close();
        }
        if (nashornExecutor != null) {
            nashornExecutor.shutdownNow();
        }
        if (graalContext != null) {
            graalContext.close();
            graalEngine.close();
        }
    }

    private Object sandlotFormula() {
        int i = cursor++ & MASK;
        return sandlotFormula.evaluate(boxedPrices[i], boxedQtys[i], boxedDiscounts[i]);
    }

    @Benchmark
    public Object sandlotJs() {
        return sandlotFormula();
    }

    @Benchmark
    public Object sandlotPython() {
        return sandlotFormula();
    }

    @Benchmark
    public Object jexl() {
        int i = cursor++ & MASK;
        return jexlScript.execute(JexlEngine.EMPTY_CONTEXT, boxedPrices[i], boxedQtys[i], boxedDiscounts[i]);
    }

    @Benchmark
    public Object nashornSandbox() throws Exception {
        int i = cursor++ & MASK;
        return nashornInvocable.invokeFunction("formula", boxedPrices[i], boxedQtys[i], boxedDiscounts[i]);
    }

    /**
     * Pitfall: the context is not entered around the call, so each {@code execute} enters and leaves it (tens of
     * ns); that is how an embedder calls a function from a pool thread, and what the sandboxed formula pays too.
     */
    @Benchmark
    public double graalJsUnsandboxed() {
        int i = cursor++ & MASK;
        return graalFunction.execute(boxedPrices[i], boxedQtys[i], boxedDiscounts[i]).asDouble();
    }

    @Benchmark
    public double javaLambda() {
        int i = cursor++ & MASK;
        return lambda.apply(prices[i], qtys[i], discounts[i]);
    }
}
