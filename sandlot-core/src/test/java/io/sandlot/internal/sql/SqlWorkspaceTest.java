package io.sandlot.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.internal.fs.MemoryFileSystem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DuckDB workspace: tables in, locked configuration, read-only tables, one statement, the row limit, cancel. */
class SqlWorkspaceTest {

    private static final Consumer<Runnable> NO_CANCEL = cancel -> { };

    private MemoryFileSystem files;
    private SqlWorkspace workspace;

    @BeforeEach
    void setUp() throws Exception {
        files = new MemoryFileSystem("/work", 1 << 20, true, denied -> { });
        files.writeFile("data/sales.csv", "region,amount\neast,10\nwest,32\neast,5\n".getBytes(StandardCharsets.UTF_8));
        workspace = SqlWorkspace.open(64);
        refresh(Map.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        workspace.close();
        files.close();
    }

    private void refresh(Map<String, ?> inputs) {
        workspace.refresh(TableSources.of(files, "/work", inputs), NO_CANCEL);
    }

    private SqlResult query(String sql, Object... params) {
        return workspace.query(sql, Arrays.asList(params), 100, NO_CANCEL);
    }

    @Test
    void query_fileTable_byNameAndByPath() {
        SqlResult byName = query("SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region");
        SqlResult byPath = query("SELECT count(*) AS n FROM 'data/sales.csv'");

        assertThat(byName.columns()).containsExactly(new SqlResult.Column("region", "VARCHAR"),
                new SqlResult.Column("total", "HUGEINT"));
        assertThat(byName.rows()).containsExactly(List.of("east", 15L), List.of("west", 32L));
        assertThat(byPath.rows()).containsExactly(List.of(3L));
    }

    @Test
    void query_inputArrayOfObjects_isATable() {
        refresh(Map.of("people", List.of(Map.of("name", "ada", "age", 36), Map.of("name", "bob", "age", 7)),
                "scalar", 3, "numbers", List.of(1, 2)));

        assertThat(query("SELECT name FROM people WHERE age > ? ORDER BY name", 10L).rows())
                .containsExactly(List.of("ada"));
        assertThatThrownBy(() -> query("SELECT * FROM numbers")).isInstanceOf(SqlException.class)
                .hasMessageContaining("numbers");
    }

    @Test
    void refresh_changedFile_reloadsIt() throws Exception {
        query("SELECT * FROM sales");
        files.writeFile("data/sales.csv", "region,amount\nnorth,1\n".getBytes(StandardCharsets.UTF_8));
        refresh(Map.of());

        assertThat(query("SELECT region FROM sales").rows()).containsExactly(List.of("north"));
    }

    @Test
    void refresh_nothingChanged_loadsNothing_aChangedFileOnlyItself() throws Exception {
        files.writeFile("other.jsonl", "{\"k\": 1}\n{\"k\": 2}\n".getBytes(StandardCharsets.UTF_8));
        refresh(Map.of());
        int loaded = workspace.loadCount();

        refresh(Map.of());
        int afterUnchanged = workspace.loadCount();
        Thread.sleep(5);   // a new modification time even on a coarse clock
        files.writeFile("other.jsonl", "{\"k\": 3}\n".getBytes(StandardCharsets.UTF_8));
        refresh(Map.of());

        assertThat(afterUnchanged).isEqualTo(loaded);
        assertThat(workspace.loadCount()).isEqualTo(loaded + 1);
        assertThat(query("SELECT k FROM other").rows()).containsExactly(List.of(3L));
    }

    @Test
    void refresh_tsvAndJson_areTablesToo() throws Exception {
        files.writeFile("a.tsv", "x\ty\n1\t2\n".getBytes(StandardCharsets.UTF_8));
        files.writeFile("b.json", "[{\"z\": \"q\"}]".getBytes(StandardCharsets.UTF_8));
        refresh(Map.of());

        assertThat(query("SELECT x + y FROM a").rows()).containsExactly(List.of(3L));
        assertThat(query("SELECT z FROM b").rows()).containsExactly(List.of("q"));
    }

    @Test
    void refresh_twoFilesOneName_onlyThePathsNameThem() throws Exception {
        files.writeFile("other/sales.csv", "region,amount\nsouth,1\n".getBytes(StandardCharsets.UTF_8));
        refresh(Map.of());

        assertThatThrownBy(() -> query("SELECT * FROM sales")).isInstanceOf(SqlException.class);
        assertThat(query("SELECT region FROM 'other/sales.csv'").rows()).containsExactly(List.of("south"));
    }

    @Test
    void refresh_deletedFile_dropsTheTable() throws Exception {
        files.deleteFile("data/sales.csv");
        refresh(Map.of());

        assertThatThrownBy(() -> query("SELECT * FROM sales")).isInstanceOf(SqlException.class)
                .hasMessageContaining("sales");
    }

    @Test
    void refresh_malformedFile_namedInTheErrors() throws Exception {
        files.writeFile("bad.parquet", "not parquet".getBytes(StandardCharsets.UTF_8));
        refresh(Map.of());

        assertThat(query("SELECT count(*) FROM sales").rows()).containsExactly(List.of(3L));
        assertThatThrownBy(() -> query("SELECT * FROM bad")).hasMessageContaining("tables not loaded: bad.parquet");
    }

    @Test
    void query_types_becomeJsonLikeValues() {
        SqlResult result = query("SELECT 1::TINYINT AS t, 2::BIGINT AS b, 1.5::DOUBLE AS d, 1.25::DECIMAL(10,2) AS x, "
                + "0.1::DECIMAL(10,1) AS y, DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 10:11:12' AS ts, "
                + "NULL AS n, true AS ok, [1, 2] AS list, {'k': 'v'} AS obj, "
                + "170141183460469231731687303715884105727::HUGEINT AS h, "
                + "12345678901234567.89::DECIMAL(38,2) AS big, 'x'::BLOB AS blob, "
                + "'00000000-0000-0000-0000-000000000001'::UUID AS id");

        assertThat(result.rows()).containsExactly(Arrays.asList(1L, 2L, 1.5, 1.25, 0.1, "2024-02-29",
                "2024-02-29T10:11:12", null, true, List.of(1L, 2L), Map.of("k", "v"),
                new BigInteger("170141183460469231731687303715884105727"), "12345678901234567.89", "eA==",
                "00000000-0000-0000-0000-000000000001"));
        Map<?, ?> record = (Map<?, ?>) result.toRecords().getFirst();
        assertThat(record.keySet().stream().map(String::valueOf).toList()).containsExactly("t", "b", "d", "x", "y",
                "day", "ts", "n", "ok", "list", "obj", "h", "big", "blob", "id");
    }

    @Test
    void query_moreRowsThanTheLimit_isCutAndMarked() {
        SqlResult result = workspace.query("SELECT * FROM range(1000000000000)", List.of(), 5, NO_CANCEL);

        assertThat(result.rows()).hasSize(5);
        assertThat(result.truncated()).isTrue();
        assertThat(query("SELECT * FROM range(3)").truncated()).isFalse();
    }

    @Test
    void query_cancelled_stopsARunningQuery() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicReference<Runnable> cancel = new AtomicReference<>();
        try {
            timer.schedule(() -> cancel.get().run(), 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertThatThrownBy(() -> workspace.query("SELECT count(*) FROM range(1000000000000) a", List.of(), 10,
                    c -> { if (c != null) { cancel.set(c); } })).isInstanceOf(SqlException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        } finally {
            timer.shutdownNow();
        }
        assertThat(query("SELECT 42").rows()).containsExactly(List.of(42L));
    }

    @Test
    void query_params_bindInOrder() {
        assertThat(query("SELECT ? || '-' || ?, ?::DOUBLE * 2, ? IS NULL", "a", 1L, 1.5, null).rows())
                .containsExactly(Arrays.asList("a-1", 3.0, true));
    }

    @Test
    void query_wrongParamCount_namesBoth() {
        assertThatThrownBy(() -> query("SELECT ?")).hasMessage("the query has 1 parameter(s), 0 given");
    }

    @Test
    void query_dataModifyingCte_isRefusedByTheEngine() {
        assertThatThrownBy(() -> query("WITH d AS (DELETE FROM \"data/sales.csv\" RETURNING *) SELECT * FROM d"))
                .isInstanceOf(SqlException.class).hasMessageContaining("read-only");
        assertThat(query("SELECT count(*) FROM sales").rows()).containsExactly(List.of(3L));
    }

    @Test
    void query_twoStatements_isRefusedAndNoneRuns() {
        assertThatThrownBy(() -> query("SELECT 1; SELECT 2")).hasMessageContaining("2 statements");
        assertThatThrownBy(() -> query("SELECT 1; CREATE TEMP TABLE t AS SELECT 1"))
                .hasMessageStartingWith(SqlWorkspace.REFUSED);
        assertThatThrownBy(() -> query("SELECT * FROM t")).hasMessageContaining("t does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM read_csv('/etc/passwd')",
            "SELECT * FROM read_text('/etc/hostname')",
            "SELECT * FROM glob('/*')",
            "SELECT * FROM 'https://example.com/x.csv'",
            "COPY (SELECT 1) TO '/tmp/sandlot-sql-copy.csv'",
            "EXPORT DATABASE '/tmp/sandlot-sql-export'",
            "ATTACH '/tmp/sandlot-sql-attach.duckdb' AS x",
            "DETACH tables",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SET threads = 8",
            "RESET memory_limit",
            "PRAGMA enable_profiling",
            "DELETE FROM sales",
            "CREATE TABLE t (a INT)",
            "DROP TABLE \"data/sales.csv\""})
    void query_escapeOrWrite_isRefused(String sql) {
        assertThatThrownBy(() -> query(sql)).isInstanceOf(SqlException.class);
        assertThat(query("SELECT count(*) FROM sales").rows()).containsExactly(List.of(3L));
        assertThat(query("SELECT current_setting('threads')").rows()).containsExactly(List.of(1L));
    }

    /** The one-statement check refuses most of these first; the engine must refuse them on its own as well. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM read_csv('/etc/passwd')",
            "COPY (SELECT 1) TO '/tmp/sandlot-sql-copy-unchecked.csv'",
            "EXPORT DATABASE '/tmp/sandlot-sql-export-unchecked'",
            "ATTACH '/tmp/sandlot-sql-attach-unchecked.duckdb' AS x",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SET threads = 8",
            "SET enable_external_access = true",
            "PRAGMA threads = 8",
            "DELETE FROM sales",
            "CREATE TABLE t (a INT)",
            "SELECT 1; DROP TABLE \"data/sales.csv\""})
    void runUnchecked_escapeOrWrite_isRefusedByTheEngine(String sql) {
        assertThatThrownBy(() -> workspace.runUnchecked(sql, List.of(), 10)).isInstanceOf(SqlException.class);
        assertThat(query("SELECT count(*) FROM sales").rows()).containsExactly(List.of(3L));
        assertThat(query("SELECT current_setting('threads')").rows()).containsExactly(List.of(1L));
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/sandlot-sql-copy-unchecked.csv"))).isFalse();
    }

    @Test
    void runUnchecked_severalStatements_runsThemAll_whichIsWhyQueryChecks() {
        assertThat(workspace.runUnchecked("CREATE TEMP TABLE x AS SELECT 7 AS v; SELECT v FROM x", List.of(), 10)
                .rows()).containsExactly(List.of(7L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 'abc'::INT AS n|Could not convert string 'abc'", "SELECT error('boom')|boom",
            "SELECT * FROM sniff_csv('/etc/passwd')|disabled by configuration"})
    void query_errorWhileStreaming_givesDuckDbsReason(String sqlAndReason) {
        String[] parts = sqlAndReason.split("\\|");

        assertThatThrownBy(() -> query(parts[0])).isInstanceOf(SqlException.class).hasMessageContaining(parts[1]);
        assertThat(query("SELECT count(*) FROM sales").rows()).containsExactly(List.of(3L));
    }

    @Test
    void query_syntaxError_givesDuckDbsMessage() {
        assertThatThrownBy(() -> query("SELEC 1")).hasMessageContaining("syntax error");
    }
}
