package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.ExecutionResult;
import io.sandlot.Output;
import io.sandlot.Status;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every endpoint over real HTTP on loopback, as one tenant. */
class ServerEndpointsTest {

    private static SandboxServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).build().start();
        http = new Http(server.uri(), TestServers.ALPHA);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health_withoutToken_isOk() {
        Reply reply = http.as(null).get("/v1/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Map.of("status", "ok"));
    }

    @Test
    void info_reportsRuntimeLimitsAndTenant() {
        Reply reply = http.get("/v1/info");

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> info = reply.json();
        assertThat(info.get("graalvm")).isEqualTo("25.0.3");
        assertThat(TestServers.map(info.get("languages"))).containsKeys("js", "python");
        assertThat(info.get("tenant")).isEqualTo("tenant-1");
        assertThat(((Map<?, ?>) ((Map<?, ?>) info.get("limits")).get("maximums")).get("timeoutMs")).isEqualTo(60_000L);
        assertThat(reply.body()).doesNotContain(TestServers.ALPHA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "js     | const xs = [1, 2, 3]; console.log('hi'); xs.map(x => x * n) | [2,4,6]",
        "python | print('hi')\\n[x * n for x in [1, 2, 3]]                   | [2,4,6]",
    })
    void execute_withInputs_returnsTheRunJsonResult(String language, String code, String value) {
        Reply reply = http.postJson("/v1/execute", Map.of("language", language, "code", code.replace("\\n", "\n"),
                "inputs", Map.of("n", 2), "limits", Map.of("timeoutMs", 20_000)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        ExecutionResult result = ExecutionResult.fromJson(reply.body());
        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.valueJson()).isEqualTo(value);
        assertThat(result.stdout()).isEqualTo("hi\n");
        assertThat(reply.json().keySet()).containsExactly("status", "value", "stdout", "stderr", "error", "stats",
                "outputs", "artifacts");
    }

    @Test
    void execute_displayAndFileUnderOut_returnsOutputsAndTheArtifactWithItsContent() {
        Reply reply = http.postJson("/v1/execute", Map.of("language", "python", "code", """
                import os
                display('a,b', 'text/csv')
                os.makedirs('out', exist_ok=True)
                open('out/r.json', 'w').write('[1]')
                """));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        ExecutionResult result = ExecutionResult.fromJson(reply.body());
        assertThat(result.outputs()).singleElement().extracting(Output::data)
                .isEqualTo(Map.of("text/csv", "a,b", "text/plain", "a,b"));
        assertThat(result.artifacts()).singleElement().satisfies(artifact -> {
            assertThat(artifact.name()).isEqualTo("r.json");
            assertThat(artifact.mimeType()).isEqualTo("application/json");
            assertThat(artifact.content()).hasValueSatisfying(bytes -> assertThat(bytes).asString().isEqualTo("[1]"));
        });
    }

    @Test
    void execute_withFiles_findsThemInWork_andABadOneIs400() {
        String csv = java.util.Base64.getEncoder().encodeToString("n\n1\n2\n".getBytes(StandardCharsets.UTF_8));

        Reply python = http.postJson("/v1/execute", Map.of("language", "python",
                "code", "sum(int(line) for line in open('in/t.csv').read().split()[1:])",
                "files", Map.of("in/t.csv", csv)));
        Reply sql = http.postJson("/v1/execute", Map.of("language", "sql", "code", "SELECT sum(n) AS s FROM t",
                "files", Map.of("/work/in/t.csv", csv)));
        Reply bad = http.postJson("/v1/execute", Map.of("language", "python", "code", "1",
                "files", Map.of("../t.csv", csv)));

        assertThat(python.status()).as(python.body()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(python.body()).value()).as(python.body()).isEqualTo(3L);
        assertThat(ExecutionResult.fromJson(sql.body()).valueJson()).as(sql.body()).contains("\"rows\":[[3]]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("../t.csv");
    }

    @Test
    void execute_sql_inputTable_returnsColumnsAndRows() {
        Reply reply = http.postJson("/v1/execute", Map.of("language", "sql",
                "code", "SELECT name, n * 2 AS twice FROM items WHERE n > 1 ORDER BY n",
                "inputs", Map.of("items", List.of(Map.of("name", "a", "n", 1), Map.of("name", "b", "n", 2))),
                "limits", Map.of("maxResultRows", 5)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        ExecutionResult result = ExecutionResult.fromJson(reply.body());
        assertThat(result.status()).as(reply.body()).isEqualTo(Status.OK);
        assertThat(result.valueJson()).isEqualTo("{\"columns\":[{\"name\":\"name\",\"type\":\"VARCHAR\"},"
                + "{\"name\":\"twice\",\"type\":\"BIGINT\"}],\"rows\":[[\"b\",4]],\"rowCount\":1,\"truncated\":false}");
    }

    @Test
    void execute_sql_hostFile_is200WithErrorStatus() {
        Reply reply = http.postJson("/v1/execute", Map.of("language", "sql", "code", "SELECT * FROM '/etc/passwd'"));

        assertThat(reply.status()).isEqualTo(200);
        ExecutionResult result = ExecutionResult.fromJson(reply.body());
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("SqlError");
    }

    @Test
    void execute_guestError_is200WithErrorStatus() {
        Reply reply = http.postJson("/v1/execute", Map.of("language", "js", "code", "null.x"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(reply.body()).status()).isEqualTo(Status.ERROR);
        assertThat(ExecutionResult.fromJson(reply.body()).error().type()).isEqualTo("TypeError");
    }

    @Test
    void execute_limitHit_is200WithLimitStatus() {
        Reply reply = http.postJson("/v1/execute", Map.of("language", "js", "code", "while (true) {}",
                "limits", Map.of("timeoutMs", 300)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(reply.body()).status()).isEqualTo(Status.TIMEOUT);
    }

    @Test
    void sessions_createGetListDelete() {
        Reply created = http.postJson("/v1/sessions", Map.of("language", "js", "ttlSeconds", 120,
                "limits", Map.of("timeoutMs", 5000)));
        String id = (String) created.json().get("id");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/sessions/" + id);
        assertThat(created.json().get("ttlSeconds")).isEqualTo(120L);
        assertThat(((Map<?, ?>) created.json().get("limits")).get("timeoutMs")).isEqualTo(5000L);
        assertThat(http.get("/v1/sessions/" + id).json().get("open")).isEqualTo(true);
        assertThat(ids(http.get("/v1/sessions"))).contains(id);

        assertThat(http.delete("/v1/sessions/" + id).status()).isEqualTo(204);
        assertThat(http.get("/v1/sessions/" + id).status()).isEqualTo(404);
        assertThat(ids(http.get("/v1/sessions"))).doesNotContain(id);
        assertThat(http.delete("/v1/sessions/" + id).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "js     | var x = 41; function inc(v) { return v + 1; } | inc(x)",
        "python | import math\\nx = 41\\ndef inc(v): return v + 1  | inc(x) + math.floor(0.5)",
    })
    void sessionExecute_keepsVariablesFunctionsAndImports(String language, String first, String second) {
        String id = createSession(language);

        Reply one = http.postJson("/v1/sessions/" + id + "/execute", Map.of("code", first.replace("\\n", "\n")));
        Reply two = http.postJson("/v1/sessions/" + id + "/execute", Map.of("code", second));

        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(one.body()).status()).isEqualTo(Status.OK);
        assertThat(ExecutionResult.fromJson(two.body()).value()).isEqualTo(42L);
        http.delete("/v1/sessions/" + id);
    }

    @Test
    void sessionSql_queriesAnUploadedCsvByNameAndByPath() {
        String id = createSession("sql");
        byte[] csv = "city,temp\nOslo,3\nLima,19\nCairo,28\n".getBytes(StandardCharsets.UTF_8);

        http.put("/v1/sessions/" + id + "/files/data/weather.csv", csv);
        Reply hottest = http.postJson("/v1/sessions/" + id + "/execute",
                Map.of("code", "SELECT city FROM weather ORDER BY temp DESC LIMIT 1"));
        Reply count = http.postJson("/v1/sessions/" + id + "/execute",
                Map.of("code", "SELECT count(*) AS n FROM 'data/weather.csv'"));

        assertThat(ExecutionResult.fromJson(hottest.body()).valueJson()).as(hottest.body())
                .contains("\"rows\":[[\"Cairo\"]]");
        assertThat(ExecutionResult.fromJson(count.body()).valueJson()).as(count.body()).contains("\"rows\":[[3]]");
        http.delete("/v1/sessions/" + id);
    }

    @Test
    void sessionFiles_guestReadsUploadedCsvAndWritesAFileTheClientDownloads() {
        String id = createSession("python");
        byte[] csv = "city,temp\nOslo,3\nLima,19\nCairo,28\n".getBytes(StandardCharsets.UTF_8);

        Reply put = http.put("/v1/sessions/" + id + "/files/data/weather.csv", csv);
        Reply run = http.postJson("/v1/sessions/" + id + "/execute", Map.of("code", """
                import csv, os
                with open('data/weather.csv', newline='') as f:
                    rows = list(csv.DictReader(f))
                hottest = max(rows, key=lambda r: int(r['temp']))
                os.makedirs('out', exist_ok=True)
                with open('out/report.txt', 'w') as f:
                    f.write(f"{len(rows)} cities, hottest {hottest['city']}\\n")
                len(rows)
                """));
        Reply list = http.get("/v1/sessions/" + id + "/files");
        Reply report = http.get("/v1/sessions/" + id + "/files/out/report.txt");

        assertThat(put.status()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(run.body()).status()).as(run.body()).isEqualTo(Status.OK);
        assertThat(list.json().get("files")).isEqualTo(List.of(
                Map.of("path", "/work/data/weather.csv", "size", (long) csv.length),
                Map.of("path", "/work/out/report.txt", "size", 24L)));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(report.body()).isEqualTo("3 cities, hottest Cairo\n");
        http.delete("/v1/sessions/" + id);
    }

    @Test
    void sessionFiles_absolutePathAndDelete() {
        String id = createSession("js");
        http.put("/v1/sessions/" + id + "/files/notes.txt", "hello".getBytes(StandardCharsets.UTF_8));

        Reply absolute = http.get("/v1/sessions/" + id + "/files/%2Fwork%2Fnotes.txt");
        Reply deleted = http.delete("/v1/sessions/" + id + "/files/notes.txt");
        Reply again = http.get("/v1/sessions/" + id + "/files/notes.txt");
        Reply deletedAgain = http.delete("/v1/sessions/" + id + "/files/notes.txt");

        assertThat(absolute.body()).isEqualTo("hello");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error")).isEqualTo("file_not_found");
        assertThat(deletedAgain.status()).isEqualTo(404);
        http.delete("/v1/sessions/" + id);
    }

    @ParameterizedTest
    @CsvSource({"..%2F..%2Fetc%2Fpasswd", "%2E%2E/%2E%2E/etc/passwd", "%2F..%2F..%2Fetc%2Fpasswd", "a/%2E%2E/%2E%2E/%2E%2E/x"})
    void sessionFiles_pathLeavingTheTree_is400(String path) {
        String id = createSession("js");

        Reply put = http.put("/v1/sessions/" + id + "/files/" + path, new byte[] {1});
        Reply get = http.get("/v1/sessions/" + id + "/files/" + path);

        assertThat(put.status()).as(put.body()).isEqualTo(400);
        assertThat(put.message()).contains("escapes");
        assertThat(get.status()).isEqualTo(400);
        http.delete("/v1/sessions/" + id);
    }

    @Test
    void metrics_scrapesAsPrometheusText() {
        http.postJson("/v1/execute", Map.of("language", "js", "code", "1"));

        Reply reply = http.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        PrometheusText.assertWellFormed(reply.body());
        assertThat(reply.body())
                .containsPattern("(?m)^sandlot_executions_total\\{kind=\"stateless\",language=\"js\",status=\"ok\"\\} [1-9]")
                .containsPattern("(?m)^sandlot_execution_duration_seconds_bucket\\{kind=\"stateless\",language=\"js\",le=\"\\+Inf\"\\} [1-9]")
                .contains("sandlot_sessions_active{language=\"python\"}")
                .contains("sandlot_queue_depth 0")
                .contains("sandlot_execution_slots 4")
                .contains("sandlot_quarantined_threads")
                .containsPattern("(?m)^sandlot_http_requests_total\\{route=\"/v1/execute\",method=\"POST\",code=\"200\"\\} [1-9]");
    }

    @Test
    void metrics_reportsTheJitOn() {
        Reply reply = http.get("/metrics");

        assertThat(reply.body()).containsPattern("(?m)^sandlot_jit_enabled 1$");
    }

    @Test
    void openApi_isServedAsJson() {
        Reply reply = http.get("/v1/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("openapi")).isEqualTo("3.1.0");
    }

    private static String createSession(String language) {
        Reply created = http.postJson("/v1/sessions", Map.of("language", language,
                "limits", Map.of("timeoutMs", 30_000)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private static List<Object> ids(Reply list) {
        return TestServers.list(list.json().get("sessions")).stream().map(s -> TestServers.map(s).get("id")).toList();
    }
}
