package io.sandlot;

import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stateless Python executions whose code is one allow-listed expression, answered without a fresh context
 * ({@link SandboxFactory.Builder#quickExpressions}): the same result as a fresh context for every case of
 * {@code expressions/corpus.jsonl}, the quick path taken exactly where the corpus says, and nothing one request
 * passes or computes visible to the next.
 */
class QuickExpressionTest {

    private static final SandboxFactory QUICK = SandboxFactory.newBuilder().maxConcurrency(4).build();
    private static final SandboxFactory FRESH = SandboxFactory.newBuilder().maxConcurrency(4).quickExpressions(false).build();
    private static final Limits BASE = Limits.newBuilder().timeoutMs(30_000).build();
    private static final Sandbox QUICK_SANDBOX = QUICK.newSandbox(Policy.newBuilder().limits(BASE).build());
    private static final Sandbox FRESH_SANDBOX = FRESH.newSandbox(Policy.newBuilder().limits(BASE).build());

    @AfterAll
    static void close() {
        QUICK.close();
        FRESH.close();
    }

    record Case(String code, Map<String, Object> inputs, String limits, boolean quick) {
        ExecutionRequest request() {
            return ExecutionRequest.newBuilder(PYTHON, code).inputs(inputs)
                    .limits(limits == null ? BASE : Limits.parse(limits, BASE)).build();
        }

        @Override
        public String toString() {
            return code.replace("\n", "\\n") + (inputs.isEmpty() ? "" : " with " + Json.write(inputs))
                    + (limits == null ? "" : " under " + limits);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = QuickExpressionTest.class.getResourceAsStream("/expressions/corpus.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Map<String, Object> map = (Map<String, Object>) Json.parse(line);
                cases.add(new Case((String) map.get("code"),
                        (Map<String, Object>) map.getOrDefault("inputs", Map.of()), (String) map.get("limits"),
                        (Boolean) map.get("quick")));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void execute_corpusCase_sameResultAsAFreshContext_quickWhereExpected(Case c) {
        ExecutionResult fresh = FRESH_SANDBOX.execute(c.request());
        long missesBefore = QUICK.stats().poolMisses();
        ExecutionResult quick = QUICK_SANDBOX.execute(c.request());
        long freshContexts = QUICK.stats().poolMisses() - missesBefore;

        assertThat(withoutStats(quick)).isEqualTo(withoutStats(fresh));
        assertThat(freshContexts).as("fresh contexts used").isEqualTo(c.quick() ? 0 : 1);
    }

    /**
     * Random expressions over the allowed syntax and builtins (seeded, so a failure repeats), with inputs of every
     * JSON type: each must give what a fresh context gives, whether the quick path answers it or hands it over.
     */
    @Test
    void execute_randomExpressions_sameResultAsAFreshContext() {
        Random random = new Random(20261130);
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("a", -3L);
        inputs.put("b", 2.75);
        inputs.put("xs", List.of(1L, 2L, 3L));
        inputs.put("s", "abc");
        inputs.put("d", Map.of("k", 2L));
        int answeredQuick = 0;
        for (int i = 0; i < 100; i++) {
            ExecutionRequest request = ExecutionRequest.newBuilder(PYTHON, randomExpression(random, 1 + random.nextInt(3)))
                    .inputs(inputs).limits(BASE).build();
            long missesBefore = QUICK.stats().poolMisses();
            ExecutionResult quick = QUICK_SANDBOX.execute(request);
            answeredQuick += QUICK.stats().poolMisses() == missesBefore ? 1 : 0;

            assertThat(withoutStats(quick)).as(request.code()).isEqualTo(withoutStats(FRESH_SANDBOX.execute(request)));
        }
        assertThat(answeredQuick).as("expressions the quick path answered").isGreaterThan(15);
    }

    private static final String[] ATOMS = {"a", "b", "xs", "s", "d", "1", "2.5", "0", "-3", "10 ** 3", "'x'", "True",
        "None", "[1, 2]", "(1,)", "{'k': 1}", "''", "1e300", "2 ** 63"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "//", "%", "<", "==", "and", "or", "in", "is not",
        "!=", ">="};
    private static final String[] FUNCTIONS = {"abs", "min", "max", "round", "sum", "len", "int", "float", "str", "bool",
        "all", "any", "sorted", "divmod"};

    private static String randomExpression(Random random, int depth) {
        if (depth == 0) {
            return ATOMS[random.nextInt(ATOMS.length)];
        }
        String x = randomExpression(random, depth - 1);
        String y = randomExpression(random, depth - 1);
        return switch (random.nextInt(7)) {
            case 0 -> "(" + x + " " + OPERATORS[random.nextInt(OPERATORS.length)] + " " + y + ")";
            case 1 -> FUNCTIONS[random.nextInt(FUNCTIONS.length)] + "(" + x + ")";
            case 2 -> "[" + x + " for v in " + y + "]";
            case 3 -> x + "[" + y + "]";
            case 4 -> "(" + x + " if " + y + " else " + randomExpression(random, depth - 1) + ")";
            case 5 -> "(" + x + ") ** 2";
            default -> "not " + x;
        };
    }

    @Test
    void execute_inputNamedLikeABuiltin_isNotSeenByTheNextRequest() {
        assertThat(run("sum", Map.of("sum", List.of(1L))).value()).isEqualTo(List.of(1L));
        assertThat(run("sum([1, 2])", Map.of()).value()).isEqualTo(3L);
        assertThat(run("len(xs)", Map.of("xs", List.of(1L, 2L))).value()).isEqualTo(2L);
        assertThat(run("len", Map.of("len", "pwned")).value()).isEqualTo("pwned");
        assertThat(run("len([1])", Map.of()).value()).isEqualTo(1L);
    }

    @Test
    void execute_comprehensionVariablesAndInputs_doNotOutliveTheirRequest() {
        assertThat(run("[secret for secret in xs]", Map.of("xs", List.of("s3cr3t"))).value()).isEqualTo(List.of("s3cr3t"));

        ExecutionResult next = run("secret", Map.of());
        ExecutionResult input = run("xs", Map.of());

        assertThat(next.status()).isEqualTo(Status.ERROR);
        assertThat(next.error().type()).isEqualTo("NameError");
        assertThat(input.error().type()).isEqualTo("NameError");
    }

    @Test
    void execute_structuredInput_isACopyTheNextRequestDoesNotSee() {
        List<Object> rows = new ArrayList<>(List.of(3L, 1L, 2L));
        assertThat(run("sorted(rows)", Map.of("rows", rows)).value()).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(rows).containsExactly(3L, 1L, 2L);
        assertThat(run("rows", Map.of("rows", List.of())).value()).isEqualTo(List.of());
    }

    @Test
    void execute_manyThreadsAtOnce_eachGetsItsOwnAnswer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExecutionResult>> results = new ArrayList<>();
            for (long i = 0; i < 400; i++) {
                long n = i;
                results.add(threads.submit(() -> run("[n, n * n, str(n)]", Map.of("n", n))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().value()).isEqualTo(List.of((long) i, (long) i * i, Long.toString(i)));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void execute_fromAVirtualThread_isAnswered() throws Exception {
        ExecutionResult[] result = new ExecutionResult[1];
        Thread.ofVirtual().start(() -> result[0] = run("n + 1", Map.of("n", 41L))).join();

        assertThat(result[0].value()).isEqualTo(42L);
    }

    private static ExecutionResult run(String code, Map<String, Object> inputs) {
        return QUICK_SANDBOX.execute(ExecutionRequest.newBuilder(PYTHON, code).inputs(inputs).build());
    }

    /** What an execution answers, its timings aside. */
    private static Map<String, Object> withoutStats(ExecutionResult result) {
        Map<String, Object> map = new java.util.LinkedHashMap<>(result.toMap());
        map.remove("stats");
        return map;
    }
}
