package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.ExecutionResult;
import io.sandlot.Status;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher and the examples as a user runs them: a separate JVM started by {@code ./sandbox}, with the Graal
 * JIT on. Runs in {@code verify}, after the jar is packaged.
 */
class LauncherIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String LAUNCHER = System.getProperty("sandlot.launcher", "./sandbox");

    @Test
    void info_json_reportsTheJitOn() throws Exception {
        Process result = run(null, LAUNCHER, "info", "--json");

        Map<?, ?> info = (Map<?, ?>) Json.parse(stdout(result).strip());
        assertThat(result.exitValue()).isEqualTo(0);
        assertThat(info.get("jit")).as(info.toString()).isEqualTo(true);
        assertThat(info.get("implementation")).isNotEqualTo("Interpreted");
        assertThat(info.get("graalvm")).isEqualTo("25.0.3");
    }

    @Test
    void run_helloPy_printsOutputAsPython3Does_andTheValueOnlyWithPrintValue() throws Exception {
        Process plain = run(null, LAUNCHER, "run", "examples/hello.py");
        Process withValue = run(null, LAUNCHER, "run", "-p", "examples/hello.py");

        assertThat(plain.exitValue()).as(stderr(plain)).isEqualTo(0);
        assertThat(stdout(plain)).isEqualTo("Hello from Python 3.12\nreadings: 5\n");
        assertThat(withValue.exitValue()).as(stderr(withValue)).isEqualTo(0);
        assertThat(stdout(withValue)).isEqualTo("Hello from Python 3.12\nreadings: 5\n"
                + "{\"mean\":13.4,\"max\":15.5,\"spread\":3.75}\n");
    }

    @Test
    void run_helloJsWithJson_printsOneOkResult() throws Exception {
        Process result = run(null, LAUNCHER, "run", "--json", "examples/hello.js");

        ExecutionResult parsed = ExecutionResult.fromJson(stdout(result).strip());
        assertThat(result.exitValue()).isEqualTo(0);
        assertThat(parsed.status()).isEqualTo(Status.OK);
        assertThat(parsed.value()).isEqualTo(Map.of("total", 188.1, "biggest", "B-7"));
    }

    @Test
    void run_helloSqlWithAnInputTable_printsColumnsAndRows() throws Exception {
        Process result = run(null, LAUNCHER, "run", "--inputs",
                "{\"orders\": [{\"sku\": \"A-1\", \"price\": 9.5, \"qty\": 3}, "
                        + "{\"sku\": \"B-7\", \"price\": 120, \"qty\": 1}]}", "examples/hello.sql");

        assertThat(result.exitValue()).as(stderr(result)).isEqualTo(0);
        assertThat(Json.parse(stdout(result).strip())).isEqualTo(Json.parse("{\"columns\": [{\"name\": \"sku\", "
                + "\"type\": \"VARCHAR\"}, {\"name\": \"total\", \"type\": \"DOUBLE\"}], \"rows\": [[\"B-7\", 120.0], "
                + "[\"A-1\", 28.5]], \"rowCount\": 2, \"truncated\": false}"));
    }

    @Test
    void run_sqlReadingAHostFile_exitsOneWithDuckDbsMessage() throws Exception {
        Process result = run("SELECT * FROM read_csv('/etc/passwd')", LAUNCHER, "run", "--lang", "sql", "-");

        assertThat(result.exitValue()).isEqualTo(1);
        assertThat(stderr(result)).contains("sandbox: error: SqlError: Permission Error");
    }

    @Test
    void run_limitFromStdin_exitsThree() throws Exception {
        Process result = run("while (true) {}", LAUNCHER, "run", "--lang", "js", "--timeout-ms", "300", "-");

        assertThat(result.exitValue()).isEqualTo(3);
        assertThat(stderr(result)).contains("sandbox: timeout: wall-time limit of 300 ms");
    }

    /**
     * A guest that catches its own stack overflow ignores cancellation and keeps its thread (FINDINGS.md, F5). The
     * caller still gets its timeout, and closing the factory must not wait for that thread, nor make the JVM's exit
     * wait for it: before the fix this command never ended.
     */
    @Test
    void run_guestIgnoringCancellation_theCommandStillExits() throws Exception {
        long start = System.nanoTime();
        Process result = run("function f() { try { f(); } catch (e) { f(); } }\nf()",
                LAUNCHER, "run", "--lang", "js", "--timeout-ms", "500", "-");

        String stderr = stderr(result);
        assertThat(result.exitValue()).as(stderr).isEqualTo(3);
        assertThat(stderr).contains("sandbox: timeout");
        assertThat(System.nanoTime() - start).as("the whole command, JVM start included")
                .isLessThan(TimeUnit.SECONDS.toNanos(60));
    }

    @Test
    void batch_runsLinesInParallelAndAnswersEach() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String language = i % 2 == 0 ? "js" : "python";
            lines.append(Json.write(Map.of("id", "r" + i, "language", language, "code", "n * n",
                    "inputs", Map.of("n", i)))).append('\n');
        }

        Process result = run(lines.toString(), LAUNCHER, "batch");

        List<Map<?, ?>> out = new ArrayList<>();
        stdout(result).lines().forEach(line -> out.add((Map<?, ?>) Json.parse(line)));
        assertThat(result.exitValue()).isEqualTo(0);
        assertThat(out).hasSize(6).allSatisfy(line -> {
            int i = Integer.parseInt(((String) line.get("id")).substring(1));
            assertThat(line.get("value")).isEqualTo((long) i * i);
        });
    }

    @Test
    void embeddingExample_runsAgainstTheBuiltLibrary() throws Exception {
        Process result = run(null, BASEDIR.resolve("examples/embedding/run").toString());

        assertThat(result.exitValue()).as(stderr(result)).isEqualTo(0);
        assertThat(stdout(result))
                .contains("python: ok value=30.34 stdout=2 items")
                .contains("runaway: statement_limit")
                .contains("\"value\":[1,4,9]");
    }

    private static Process run(String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(BASEDIR.toFile());
        builder.environment().put("SANDLOT_NO_DAEMON", "1");   // the in-process path; DaemonIT covers the other
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return process;
    }

    private static String stdout(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
