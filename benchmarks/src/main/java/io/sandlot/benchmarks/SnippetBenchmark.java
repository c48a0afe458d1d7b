package io.sandlot.benchmarks;

import io.sandlot.ExecutionResult;
import io.sandlot.Isolation;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One isolated snippet, start to result, per language:
 * <ul>
 *   <li>{@code sandlot}: {@link Sandbox#execute(Language, String)}, a fresh context per execution (no pool, and
 *       {@code quickExpressions(false)});</li>
 *   <li>{@code sandlotPooled}: the same with a pre-warmed context pool ({@code contextPool(language, 4)}),
 *       executions back to back, so once the pool is drained each execution also waits for the refill: the
 *       sustained rate;</li>
 *   <li>{@code sandlotPooledIdle}: the pool again, but before each execution (not measured) it waits until the pool
 *       is full again, so a ready context is waiting: the latency an occasional caller sees;</li>
 *   <li>{@code sandlotQuick}: the default factory, which answers a Python snippet that is one allow-listed
 *       expression ({@code 6*7}, not {@code loop}) without a fresh context, in a context kept for such expressions
 *       (README "Expressions without a fresh context"); for JS, and the {@code loop} snippet, the same as
 *       {@code sandlot};</li>
 *   <li>{@code process}: a process per snippet, {@code node -p CODE} or {@code /usr/bin/python3 -c CODE}, waiting for
 *       it to exit and reading its stdout.</li>
 * </ul>
 * Snippets ({@code snippet} parameter): {@code expr} is {@code 6*7}; {@code loop} sums 0..999 in a loop.
 *
 * <p>Run: {@code benchmarks/run SnippetBenchmark}; quick: {@code benchmarks/run --quick SnippetBenchmark}; with both
 * snippets: {@code benchmarks/run SnippetBenchmark -p snippet=expr,loop}.
 *
 * <p>Pitfalls:
 * <ul>
 *   <li>Warm-up: the first Python context of a JVM takes seconds and the next ones keep getting faster for hundreds
 *       of executions (JIT of GraalPy's own start-up code); short warm-ups overstate the unpooled Python time.</li>
 *   <li>A pool measured back to back measures its refill rate, not a ready context; hence the two pooled methods.
 *       On 2 cores the refill thread competes with the measured one. Each trial prints the pool's hits and misses.</li>
 *   <li>The processes run warm: after the first one the interpreter binaries and libraries are in the page cache,
 *       as they would be on a busy server. The sandbox pays no process start but runs inside a large JVM.</li>
 *   <li>Every result is checked (status ok and the right value or output) once in the setup; the methods return
 *       what they got so JMH consumes it.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)   // Python context creation keeps improving for hundreds of executions
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SnippetBenchmark {

    @Param({"js", "python"})
    public String language;

    @Param({"expr"})
    public String snippet;

    private Language lang;
    private String sandlotCode;
    private String expected;
    private List<String> command;
    private SandboxFactory factory;
    private Sandbox sandbox;
    private boolean awaitRefill;
    private int refillTimeouts;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        lang = Language.of(language);
        String processCode;
        switch (snippet) {
            case "expr" -> {
                sandlotCode = "6*7";
                processCode = lang == Language.JS ? "6*7" : "print(6*7)";
                expected = "42";
            }
            case "loop" -> {
                if (lang == Language.JS) {
                    sandlotCode = "let s = 0; for (let i = 0; i < 1000; i++) { s += i; } s";
                    processCode = sandlotCode;
                } else {
                    sandlotCode = "s = 0\nfor i in range(1000):\n    s += i\ns";
                    processCode = "s = 0\nfor i in range(1000):\n    s += i\nprint(s)";
                }
                expected = "499500";
            }
            default -> throw new IllegalArgumentException("unknown snippet '" + snippet + "' (expr, loop)");
        }
        // node -p prints the completion value, as the sandbox returns it; python3 -c needs a print()
        command = lang == Language.JS ? List.of(Bench.node(), "-p", processCode)
                : List.of(Bench.python(), "-c", processCode);

        String method = Bench.method(params);
        awaitRefill = method.equals("sandlotPooledIdle");
        switch (method) {
            case "sandlot", "sandlotWorker" -> factory = Bench.factory();
            case "sandlotQuick" -> factory = Bench.defaultFactory();
            case "sandlotPooled", "sandlotPooledIdle" -> factory = Bench.pooledFactory(lang, Bench.poolSize());
            case "process" -> { }
            default -> throw new IllegalStateException("no setup for " + params.getBenchmark());
        }
        if (factory != null) {
            // sandlotWorker: the worker-process tier, a process round trip to a pre-started worker JVM per execution
            sandbox = factory.newSandbox(method.equals("sandlotWorker")
                    ? Policy.newBuilder().isolation(Isolation.WORKER).build() : Policy.DEFAULT);
            Object value = Bench.requireOk(sandbox.execute(lang, sandlotCode), method).value();
            check(String.valueOf(value), method);
        } else {
            check(Bench.runOk(command).stdout().strip(), method);
        }
    }

    private void check(String actual, String method) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(method + " " + language + " answered '" + actual + "', expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        if (refillTimeouts > 0) {
            System.out.println("\n[bench] the pool was not full after 10 s before " + refillTimeouts + " executions");
        }
        if (factory != null) {
            Bench.printStats(factory, Bench.method(params) + " " + language);
            factory.close();
        }
    }

    /**
     * For {@code sandlotPooledIdle}: waits, outside the measured time, until the pool is full again. Pitfall: a
     * Level.Invocation hook adds harness work around every call of every method of this class, which is harmless
     * only because an execution takes tens of microseconds or more. (It lives here rather than in a state of its own
     * that depends on this one: JMH would inject a second instance of this class, with a factory of its own.)
     */
    @Setup(Level.Invocation)
    public void beforeInvocation() throws InterruptedException {
        if (awaitRefill && !Bench.awaitPoolFull(factory, lang, Bench.poolSize(), 10_000)) {
            refillTimeouts++;
        }
    }

    @Benchmark
    public ExecutionResult sandlot() {
        return sandbox.execute(lang, sandlotCode);
    }

    @Benchmark
    public ExecutionResult sandlotQuick() {
        return sandbox.execute(lang, sandlotCode);
    }

    @Benchmark
    public ExecutionResult sandlotPooled() {
        return sandbox.execute(lang, sandlotCode);
    }

    @Benchmark
    public ExecutionResult sandlotPooledIdle() {
        return sandbox.execute(lang, sandlotCode);
    }

    @Benchmark
    public ExecutionResult sandlotWorker() {
        return sandbox.execute(lang, sandlotCode);
    }

    @Benchmark
    public Bench.ProcessOutput process() {
        return Bench.run(command);
    }
}
