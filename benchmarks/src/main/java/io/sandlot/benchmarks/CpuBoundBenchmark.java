package io.sandlot.benchmarks;

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU-bound guest programs, the same file in the sandbox and in the native runtime:
 * {@code src/main/resources/programs/nbody.{js,py}} (n-body, 250,000 steps: about 1 s in CPython 3.11) and
 * {@code fannkuch.{js,py}} (fannkuch-redux, n = 9: about 0.5 s in CPython).
 * <ul>
 *   <li>{@code sandlot}: {@link Sandbox#execute} with the size bound as the input {@code size}, limits generous
 *       (2 min wall time, no memory, CPU or statement limit); a fresh context per run, its creation included;</li>
 *   <li>{@code process}: {@code node FILE SIZE} or {@code /usr/bin/python3 FILE SIZE}, process start and exit
 *       included (about 40 ms for node and 20 ms for CPython on this kind of machine).</li>
 * </ul>
 * Each program also times itself (its own clock, from its first line to its last, without process start or context
 * creation) and prints it on stderr; the medians of the measured runs are printed at the end of each trial and
 * appended to {@code target/bench-out/selftimed.jsonl}, which {@code report.py --selftimed} turns into a table,
 * together with the sandbox's own wall time of the execution ({@link io.sandlot.ExecutionStats#wallMs()}: guest
 * code including its imports, without context creation), so the three parts of a run can be told apart.
 *
 * <p>Run: {@code benchmarks/run CpuBoundBenchmark}; quick: {@code benchmarks/run --quick CpuBoundBenchmark};
 * other sizes: {@code -p size=100000} (0 means each program's default).
 *
 * <p>Pitfalls:
 * <ul>
 *   <li>Same answer: the trial setup runs the program under both node and CPython and requires the same output
 *       (n-body uses only correctly rounded operations in the same order, so the digits agree exactly); every
 *       measured run's stdout is then compared with it, so all four runners are held to the same checksums.</li>
 *   <li>Warm-up matters for the sandbox: contexts share one engine, so later runs reuse code the Graal JIT compiled
 *       in earlier ones; the first runs are interpreted and much slower. Single-shot mode with several warm-up
 *       runs shows the warm steady state; the processes start cold every time by construction.</li>
 *   <li>The measured time of {@code process} includes process start-up; compare the self-timed medians too.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Thread)
public class CpuBoundBenchmark {

    private static final Pattern ELAPSED = Pattern.compile("elapsed_ms=([0-9.]+)");

    @Param({"js", "python"})
    public String language;

    @Param({"nbody", "fannkuch"})
    public String program;

    /** 0: the program's default (n-body 250000 steps, fannkuch n = 9). */
    @Param({"0"})
    public int size;

    private Language lang;
    private int actualSize;
    private String code;
    private String expected;
    private List<String> command;
    private SandboxFactory factory;
    private Sandbox sandbox;
    private String benchmark;
    private boolean measuring;
    private final List<Double> selfTimedMs = new ArrayList<>();
    private final List<Double> sandboxWallMs = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        lang = Language.of(language);
        actualSize = size != 0 ? size : switch (program) {
            case "nbody" -> 250_000;
            case "fannkuch" -> 9;
            default -> throw new IllegalArgumentException("unknown program '" + program + "' (nbody, fannkuch)");
        };
        String extension = lang == Language.JS ? ".js" : ".py";
        code = Bench.program(program + extension);
        command = List.of(lang == Language.JS ? Bench.node() : Bench.python(),
                Bench.programFile(program + extension).toString(), Integer.toString(actualSize));

        // The reference answer: node and CPython must agree on it.
        String fromNode = Bench.runOk(List.of(Bench.node(), Bench.programFile(program + ".js").toString(),
                Integer.toString(actualSize))).stdout();
        String fromPython = Bench.runOk(List.of(Bench.python(), Bench.programFile(program + ".py").toString(),
                Integer.toString(actualSize))).stdout();
        if (!fromNode.equals(fromPython)) {
            throw new IllegalStateException(program + " " + actualSize + ": node printed\n" + fromNode
                    + "but CPython printed\n" + fromPython);
        }
        expected = fromNode;

        benchmark = Bench.method(params);
        switch (benchmark) {
            case "sandlot" -> {
                factory = Bench.factory();
                sandbox = factory.newSandbox(Policy.newBuilder()
                        .limits(Limits.newBuilder().timeoutMs(120_000).maxMemoryMb(0).cpuTimeMs(0).maxStatements(0)
                                .build())
                        .build());
            }
            case "process" -> { }
            default -> throw new IllegalStateException("no setup for " + params.getBenchmark());
        }
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (factory != null) {
            factory.close();
        }
        if (!selfTimedMs.isEmpty()) {
            double median = median(selfTimedMs);
            String wall = "";
            if (!sandboxWallMs.isEmpty()) {
                wall = String.format(", sandbox wall time median %.1f ms (guest code and its imports, no context "
                        + "creation)", median(sandboxWallMs));
            }
            System.out.printf("%n[bench] %s %s %s size=%d: self-timed median %.1f ms over %d measured runs "
                    + "(the guest's own clock: no process start, no context creation)%s%n",
                    benchmark, language, program, actualSize, median, selfTimedMs.size(), wall);
            Bench.appendLine("selftimed.jsonl", "{\"benchmark\": "
                    + Bench.json(CpuBoundBenchmark.class.getName() + "." + benchmark)
                    + ", \"params\": {\"language\": " + Bench.json(language) + ", \"program\": " + Bench.json(program)
                    + ", \"size\": " + Bench.json(Integer.toString(size)) + "}, \"actualSize\": " + actualSize
                    + ", \"medianMs\": " + median + ", \"runs\": " + selfTimedMs
                    + (sandboxWallMs.isEmpty() ? "" : ", \"sandboxWallMedianMs\": " + median(sandboxWallMs))
                    + "}");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @Benchmark
    public String sandlot() {
        ExecutionResult result = Bench.requireOk(sandbox.execute(lang, code, Map.of("size", actualSize)),
                program + " in the sandbox");
        if (measuring) {
            sandboxWallMs.add(result.stats().wallMs());
        }
        return check(result.stdout(), result.stderr());
    }

    @Benchmark
    public String process() {
        Bench.ProcessOutput output = Bench.runOk(command);
        return check(output.stdout(), output.stderr());
    }

    private String check(String stdout, String stderr) {
        if (!expected.equals(stdout)) {
            throw new IllegalStateException(benchmark + " " + language + " " + program + " printed\n" + stdout
                    + "instead of\n" + expected);
        }
        if (measuring) {
            Matcher m = ELAPSED.matcher(stderr);
            if (m.find()) {
                selfTimedMs.add(Double.parseDouble(m.group(1)));
            }
        }
        return stdout;
    }
}
