package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.Language.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Language {@code sql} and the guests' {@code sql()} through the sandbox: tables, value forms, limits, statuses. */
class SqlTest {

    private static final List<Map<String, Object>> PEOPLE = List.of(Map.of("name", "ada", "age", 36),
            Map.of("name", "bob", "age", 7), Map.of("name", "cy", "age", 51));
    private static final byte[] SALES = "region,amount\neast,10\nwest,32\neast,5\n".getBytes(StandardCharsets.UTF_8);
    private static final PerLanguage<String> ADULTS = PerLanguage.of(
            JS, "sql('SELECT name, age FROM people WHERE age > ? ORDER BY age', [18])",
            PYTHON, "sql('SELECT name, age FROM people WHERE age > ? ORDER BY age', [18])");
    private static final PerLanguage<String> FIRST_NAME = PerLanguage.of(
            JS, "sql('SELECT name FROM people')[0].name",
            PYTHON, "sql('SELECT name FROM people')[0]['name']");
    private static final PerLanguage<String> CATCH_ERROR = PerLanguage.of(
            JS, "try { sql('DELETE FROM people'); 'no' } catch (e) { e.message }",
            PYTHON, "try:\n    sql('DELETE FROM people')\n    r = 'no'\nexcept RuntimeError as e:\n    r = str(e)\nr");

    private static final Sandbox SANDBOX = SandboxExtension.FACTORY.newSandbox(
            Policy.newBuilder().virtualFileSystem(1 << 20).build());

    @Test
    void execute_sql_inputArrayIsATable_valueHasColumnsAndRows() {
        ExecutionResult result = SANDBOX.execute(SQL, "SELECT name, age FROM people WHERE age > 18 ORDER BY age",
                Map.of("people", PEOPLE));

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.valueJson()).isEqualTo("{\"columns\":[{\"name\":\"name\",\"type\":\"VARCHAR\"},"
                + "{\"name\":\"age\",\"type\":\"BIGINT\"}],\"rows\":[[\"ada\",36],[\"cy\",51]],\"rowCount\":2,"
                + "\"truncated\":false}");
    }

    @Test
    void execute_sql_overMaxResultRows_isCutAndMarked() {
        ExecutionResult result = SANDBOX.execute(ExecutionRequest.newBuilder(SQL, "SELECT * FROM range(1000000000000)")
                .limits(Limits.newBuilder().maxResultRows(3).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.valueJson()).endsWith("\"rows\":[[0],[1],[2]],\"rowCount\":3,\"truncated\":true}");
    }

    @Test
    void execute_sql_longQuery_timesOut() {
        ExecutionResult result = SANDBOX.execute(ExecutionRequest.newBuilder(SQL,
                "SELECT count(*) FROM range(1000000) a, range(1000000) b")
                .limits(Limits.newBuilder().timeoutMs(500).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.TIMEOUT);
    }

    @Test
    void execute_sql_longQuery_cpuLimit() {
        ExecutionResult result = SANDBOX.execute(ExecutionRequest.newBuilder(SQL,
                "SELECT count(*) FROM range(1000000) a, range(1000000) b")
                .limits(Limits.newBuilder().cpuTimeMs(300).timeoutMs(30_000).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.CPU_LIMIT);
    }

    @Test
    void execute_sql_aboveDuckDbsMemoryLimit_endsMemoryLimit() {
        ExecutionResult result = SANDBOX.execute(ExecutionRequest.newBuilder(SQL,
                "SELECT count(DISTINCT i) FROM range(100000000) t(i)")
                .limits(Limits.newBuilder().maxMemoryMb(16).timeoutMs(60_000).cpuTimeMs(0).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.MEMORY_LIMIT);
        assertThat(result.error().message()).contains("memory_limit of 16 MB", "Out of Memory Error");
    }

    @Test
    void execute_sql_writeOrEscape_isAnErrorWithDuckDbsMessage() {
        ExecutionResult result = SANDBOX.execute(SQL, "WITH d AS (DELETE FROM people RETURNING *) SELECT * FROM d",
                Map.of("people", PEOPLE));
        ExecutionResult host = SANDBOX.execute(SQL, "SELECT * FROM read_csv('/etc/passwd')");

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("SqlError");
        assertThat(result.error().message()).contains("read-only");
        assertThat(host.status()).isEqualTo(Status.ERROR);
        assertThat(host.error().message()).contains("disabled by configuration");
    }

    @Test
    void execute_sql_scalarInput_isRefusedClearly() {
        ExecutionResult result = SANDBOX.execute(SQL, "SELECT 1", Map.of("n", 3));

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.error().message()).isEqualTo("input 'n': an input of language sql must be a table (a "
                + "non-empty array of objects)");
    }

    @Test
    void session_sql_seesItsFiles_andTheirChanges() {
        try (Session session = SANDBOX.openSession(SQL)) {
            session.writeFile("data/sales.csv", SALES);
            ExecutionResult first = session.execute("SELECT sum(amount) AS total FROM sales");
            session.writeFile("data/sales.csv", "region,amount\nnorth,1\n".getBytes(StandardCharsets.UTF_8));
            ExecutionResult second = session.execute("SELECT region FROM 'data/sales.csv'");

            assertThat(first.status()).as(first.toJson()).isEqualTo(Status.OK);
            assertThat(first.valueJson()).contains("\"rows\":[[47]]");
            assertThat(second.valueJson()).contains("\"rows\":[[\"north\"]]");
        }
    }

    @Test
    void session_sql_timeout_leavesTheSessionUsable() {
        try (Session session = SANDBOX.openSession(SQL, Limits.newBuilder().timeoutMs(300).build())) {
            ExecutionResult slow = session.execute("SELECT count(*) FROM range(1000000) a, range(1000000) b");
            ExecutionResult next = session.execute("SELECT 42 AS x");

            assertThat(slow.status()).as(slow.toJson()).isEqualTo(Status.TIMEOUT);
            assertThat(next.status()).as(next.toJson()).isEqualTo(Status.OK);
        }
    }

    @Test
    void session_sql_interrupt_cancelsTheQueryAndKeepsTheSession() throws Exception {
        try (Session session = SANDBOX.openSession(SQL)) {
            CompletableFuture<ExecutionResult> slow = CompletableFuture.supplyAsync(
                    () -> session.execute("SELECT count(*) FROM range(1000000) a, range(1000000) b"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!session.interrupt() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ExecutionResult stopped = slow.get(20, TimeUnit.SECONDS);
            ExecutionResult next = session.execute("SELECT 1 AS one");

            assertThat(stopped.status()).as(stopped.toJson()).isEqualTo(Status.CANCELLED);
            assertThat(session.isOpen()).isTrue();
            assertThat(next.status()).as(next.toJson()).isEqualTo(Status.OK);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void guestSql_inputTable_returnsRecordsInColumnOrder(Language language) {
        ExecutionResult result = SANDBOX.execute(language, ADULTS.get(language), Map.of("people", PEOPLE));

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.valueJson()).isEqualTo("[{\"name\":\"ada\",\"age\":36},{\"name\":\"cy\",\"age\":51}]");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void guestSql_refusedQuery_raisesDuckDbsMessage(Language language) {
        ExecutionResult result = SANDBOX.execute(language, CATCH_ERROR.get(language), Map.of("people", PEOPLE));

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat((String) result.value()).contains("only a single read-only query");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void guestSql_overMaxResultRows_raisesNamingTheLimit(Language language) {
        ExecutionResult result = SANDBOX.execute(ExecutionRequest.newBuilder(language, FIRST_NAME.get(language))
                .inputs(Map.of("people", PEOPLE)).limits(Limits.newBuilder().maxResultRows(2).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().message()).contains("maxResultRows");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void guestSql_inASession_seesTheSessionsFiles(Language language) {
        try (Session session = SANDBOX.openSession(language)) {
            session.writeFile("people.json", "[{\"name\": \"zed\"}]".getBytes(StandardCharsets.UTF_8));
            ExecutionResult result = session.execute(FIRST_NAME.get(language));

            assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
            assertThat(result.value()).isEqualTo("zed");
        }
    }

    @Test
    void guestSql_policyWithoutSql_isNotDefined() {
        Sandbox jsOnly = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder().languages(JS).build());

        assertThat(jsOnly.execute(JS, "typeof sql").value()).isEqualTo("undefined");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void guestSql_longQuery_timesOut(Language language) {
        ExecutionResult result = SANDBOX.execute(ExecutionRequest.newBuilder(language,
                "sql('SELECT count(*) FROM range(1000000) a, range(1000000) b')")
                .limits(Limits.newBuilder().timeoutMs(500).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.TIMEOUT);
    }
}
