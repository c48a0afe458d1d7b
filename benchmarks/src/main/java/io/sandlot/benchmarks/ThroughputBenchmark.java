package io.sandlot.benchmarks;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Stateless executions per second ({@code x * 2} with the input {@code x = 21}, a fresh context each) from one and
 * from two caller threads sharing one sandbox, per language, without and with a context pool.
 *
 * <p>Run: {@code benchmarks/run ThroughputBenchmark}; quick: {@code benchmarks/run --quick ThroughputBenchmark};
 * without the pool: {@code -p pooled=false}.
 *
 * <p>Pitfalls:
 * <ul>
 *   <li>Do not pass {@code -t}: it overrides the {@link Threads} annotations and both methods would run with the
 *       same thread count.</li>
 *   <li>The machine has 2 cores: two caller threads also compete with the Graal JIT's compiler threads, the GC and
 *       the pool's refill thread, so {@code threads2 / threads1} is at most 2 and usually less.</li>
 *   <li>The sandbox's concurrency limit (default twice the cores) is above 2, so callers never queue for a slot.</li>
 *   <li>Results are checked once in the setup and returned from every call.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ThroughputBenchmark {

    @Param({"js", "python"})
    public String language;

    @Param({"false", "true"})
    public boolean pooled;

    private SandboxFactory factory;
    private Sandbox sandbox;
    private ExecutionRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        Language lang = Language.of(language);
        factory = pooled ? Bench.pooledFactory(lang, Bench.poolSize()) : Bench.factory();
        sandbox = factory.newSandbox();
        request = ExecutionRequest.newBuilder(lang, "x * 2").input("x", 21).build();
        Object value = Bench.requireOk(sandbox.execute(request), "x * 2").value();
        if (!"42".equals(String.valueOf(value))) {
            throw new IllegalStateException(language + " answered " + value + " to x * 2 with x = 21");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        Bench.printStats(factory, Bench.method(params) + " " + language + (pooled ? " pooled" : ""));
        factory.close();
    }

    @Benchmark
    @Threads(1)
    public ExecutionResult threads1() {
        return sandbox.execute(request);
    }

    @Benchmark
    @Threads(2)
    public ExecutionResult threads2() {
        return sandbox.execute(request);
    }
}
