package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.RuntimeInfo;
import io.sandlot.Sandbox;
import io.sandlot.Status;
import io.sandlot.local.SandboxFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A consumer's tests of code run in Sandlot, with the JIT on (see the surefire argLine in pom.xml). Besides the
 * assertions it writes target/recipe-output.txt: the runtime info as JSON, then the median time of two CPU-bound
 * guests (reported, never asserted), Python first as in the recipes' App, so that scripts/recipe-speed compares like
 * with like.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestJitTest {

    /** -Drounds=N: runs of each CPU-bound guest (default 5); 0 runs each once on a thousandth of the data. */
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final long N = ROUNDS == 0 ? 2_000 : 2_000_000;
    private static final List<String> REPORT = new ArrayList<>();

    private static SandboxFactory factory;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        // requireJit: a test JVM without the JIT flags fails here, naming them, instead of testing slowly
        factory = SandboxFactory.newBuilder().requireJit(true).build();
        sandbox = factory.newSandbox();
        REPORT.add(json(factory.info()));
    }

    @AfterAll
    static void stop() throws IOException {
        factory.close();
        Files.write(Path.of("target", "recipe-output.txt"), REPORT);
    }

    @Test
    void info_reportsTheJit() {
        assertTrue(factory.info().jit(), factory.info().toString());
    }

    @Test
    @Order(1)
    void python_sumOfSquares() {
        ExecutionResult result = timed(Language.PYTHON, "sum(i * i for i in range(" + N + "))");

        long expected = 0;
        for (long i = 0; i < N; i++) {
            expected += i * i;
        }
        assertEquals(Status.OK, result.status(), result.toJson());
        assertEquals(expected, ((Number) result.value()).longValue());
    }

    @Test
    @Order(2)
    void js_loop() {
        ExecutionResult result = timed(Language.JS, "let s = 0; for (let i = 0; i < " + 10 * N + "; i++) { s += i % 7; } s");

        long expected = 0;
        for (long i = 0; i < 10 * N; i++) {
            expected += i % 7;
        }
        assertEquals(Status.OK, result.status(), result.toJson());
        assertEquals(expected, ((Number) result.value()).longValue());
    }

    @Test
    void python_withInputs() {
        ExecutionResult result = sandbox.execute(Language.PYTHON, "sum(x * x for x in xs)", Map.of("xs", List.of(1, 2, 3)));

        assertEquals(14, ((Number) result.value()).intValue(), result.toJson());
    }

    /**
     * Runs {@code code} ROUNDS times (at least once) and reports the medians of the guest phase's wall time and of
     * the guest thread's CPU time; returns the last result.
     */
    private static ExecutionResult timed(Language language, String code) {
        int rounds = Math.max(ROUNDS, 1);
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ExecutionResult result = null;
        for (int i = 0; i < rounds; i++) {
            result = sandbox.execute(language, code);
            millis.add(result.stats().wallMs());
            cpu.add(result.stats().cpuMs());
        }
        REPORT.add(String.format("%s %s = %s: median %.0f ms wall, %.0f ms guest cpu, of %d (wall: %s)",
                language.id(), result.status().name().toLowerCase(), result.value(), median(millis), median(cpu),
                rounds, millis.stream().map(m -> String.format("%.0f", m)).collect(Collectors.joining(" "))));
        return result;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String json(RuntimeInfo info) {
        String languages = info.languages().entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"jit\":" + info.jit() + ",\"implementation\":" + quote(info.implementationName())
                + ",\"java\":" + quote(info.javaVersion()) + ",\"graalvm\":" + quote(info.graalvmVersion())
                + ",\"languages\":" + languages + "}";
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
