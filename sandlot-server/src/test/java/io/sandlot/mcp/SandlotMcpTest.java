package io.sandlot.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.Status;
import io.sandlot.server.TestServers;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceObserver;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MCP server as a client sees it: the SDK's own {@link McpSyncClient} talks to {@link SandlotMcp#stdio} over
 * the stdio framing on in-process pipes, so every call goes through JSON-RPC, the SDK's server and the service core.
 */
class SandlotMcpTest {

    private static final ServiceConfig CONFIG = ServiceConfig.newBuilder().factory(TestServers.FACTORY)
            .defaultLimits(Limits.newBuilder().timeoutMs(50_000).build())
            .maxLimits(Limits.newBuilder(ServiceConfig.DEFAULT_MAX_LIMITS).timeoutMs(60_000).build())
            .maxSessions(4).sessionsPerTenant(4).sessionTtl(Duration.ofMinutes(1))
            .build();

    private static SandboxService service;
    private static McpSyncServer server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() throws IOException {
        service = new SandboxService(CONFIG, ServiceObserver.NONE).start();
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        server = SandlotMcp.stdio(service, "tenant-1", Channels.newInputStream(toServer.source()),
                Channels.newOutputStream(toClient.sink()));
        client = McpClient.sync(new StreamClientTransport(SandlotMcp.jsonMapper(),
                Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink())))
                .requestTimeout(Duration.ofSeconds(120)).build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        client.closeGracefully();
        server.close();
        service.close();
    }

    @Test
    void listTools_namesEveryToolAndStatesTheLimitsFromTheTable() {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactly("execute_code", "get_supported_languages",
                "get_language_details", "create_session", "close_session", "list_sessions", "upload_file",
                "download_file", "list_files");
        String description = tools.get(0).description();
        for (Limit limit : Limit.values()) {
            assertThat(description).contains(limit.description() + " (" + limit.key() + ")");
        }
        assertThat(description).contains("(timeoutMs): 50000 ms");
        assertThat(tools.get(0).inputSchema()).containsEntry("required", List.of("code"));
        assertThat(client.getServerInfo().name()).isEqualTo("sandlot");
    }

    @Test
    void executeCode_js_returnsStdoutAndValue() {
        Map<String, Object> result = ok(call("execute_code", Map.of("language", "js",
                "code", "console.log('hi'); [1, 2, 3].map(x => x * 2)")));

        assertThat(result).containsEntry("exit_code", 0L).containsEntry("status", "ok")
                .containsEntry("stdout", "hi\n").containsEntry("stderr", "").containsEntry("value", List.of(2L, 4L, 6L))
                .containsEntry("error", null);
    }

    @Test
    void executeCode_outputsAndArtifacts_followTheJsonAsImageAndTextContents() {
        CallToolResult result = call("execute_code", Map.of("code", """
                import os
                display('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml')
                display({'rows': 2})
                os.makedirs('out', exist_ok=True)
                open('out/t.csv', 'w').write('a\\n1\\n')
                """));

        assertThat(result.isError()).isFalse();
        assertThat(result.content()).hasSize(4);
        Map<String, Object> answer = castToMap(Json.parse(((TextContent) result.content().get(0)).text()));
        assertThat(answer.get("outputs")).isEqualTo(List.of(List.of("image/svg+xml", "text/plain"),
                List.of("application/json", "text/plain")));
        assertThat(answer.get("artifacts")).isEqualTo(List.of(Map.of("name", "t.csv", "mimeType", "text/csv",
                "size", 4L)));
        ImageContent svg = (ImageContent) result.content().get(1);
        assertThat(svg.mimeType()).isEqualTo("image/svg+xml");
        assertThat(new String(Base64.getDecoder().decode(svg.data()), StandardCharsets.UTF_8))
                .isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertThat(((TextContent) result.content().get(2)).text()).isEqualTo("{\"rows\":2}");
        assertThat(((TextContent) result.content().get(3)).text()).isEqualTo("t.csv:\na\n1\n");
    }

    @Test
    void executeCode_withoutLanguage_runsPython() {
        Map<String, Object> result = ok(call("execute_code", Map.of("code", "import sys\nsys.version_info[0] * 14")));

        assertThat(result).containsEntry("value", 42L);
    }

    @Test
    void executeCode_inputs_areBoundAsVariables() {
        Map<String, Object> result = ok(call("execute_code", Map.of("language", "js", "code", "xs.length + n",
                "inputs", Map.of("xs", List.of(1, 2), "n", 40))));

        assertThat(result).containsEntry("value", 42L);
    }

    @Test
    void executeCode_files_areWrittenUnderWorkBeforeTheCodeRuns() {
        String csv = base64("region,amount\neast,3\nwest,4\neast,5\n");
        Map<String, Object> python = ok(call("execute_code", Map.of("files", Map.of("data/sales.csv", csv), "code", """
                import csv
                rows = list(csv.DictReader(open('data/sales.csv')))
                sum(int(row['amount']) for row in rows if row['region'] == 'east')
                """)));
        Map<String, Object> sql = ok(call("execute_code", Map.of("language", "sql", "files",
                Map.of("/work/sales.csv", csv), "code", "SELECT sum(amount) AS total FROM sales")));
        Map<String, Object> next = ok(call("execute_code", Map.of("code", "import os\nos.path.exists('data')")));

        assertThat(python).containsEntry("value", 8L);
        assertThat(sql.get("value").toString()).contains("rows=[[12]]");
        assertThat(next).containsEntry("value", false);
    }

    @Test
    void executeCode_filesWithSession_stayInTheSession() {
        String id = (String) ok(call("create_session", Map.of("language", "js"))).get("session_id");
        try {
            ok(call("execute_code", Map.of("session_id", id, "files", Map.of("in/a.txt", base64("forty-two")),
                    "code", "1")));
            Map<String, Object> read = ok(call("execute_code", Map.of("session_id", id,
                    "code", "require('fs').readFileSync('/work/in/a.txt', 'utf8')")));

            assertThat(read).containsEntry("value", "forty-two");
        } finally {
            ok(call("close_session", Map.of("session_id", id)));
        }
    }

    @Test
    void executeCode_guestError_isToolErrorWithExitCode1() {
        CallToolResult call = call("execute_code", Map.of("language", "js", "code", "throw new TypeError('boom')"));
        Map<String, Object> result = json(call);

        assertThat(call.isError()).isTrue();
        assertThat(result).containsEntry("exit_code", 1L).containsEntry("status", "error");
        assertThat(result.get("error").toString()).contains("boom");
    }

    @Test
    void executeCode_timeoutInSeconds_stopsTheGuestWithExitCode3() {
        CallToolResult call = call("execute_code", Map.of("language", "js", "code", "while (true) {}",
                "timeout", 0.3));
        Map<String, Object> result = json(call);

        assertThat(call.isError()).isTrue();
        assertThat(result).containsEntry("exit_code", 3L).containsEntry("status", Status.TIMEOUT.id());
        assertThat(result.get("error").toString()).contains(Limit.TIMEOUT_MS.breach(300));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("execute_code", Map.of("language", "js"), "'code' is required"),
                Arguments.of("execute_code", Map.of("code", " "), "'code' is required"),
                Arguments.of("execute_code", Map.of("code", 42), "'code' must be a string, was the number 42"),
                Arguments.of("execute_code", Map.of("code", "1", "language", "rust"),
                        "unknown language 'rust'; expected one of js, python, sql"),
                Arguments.of("execute_code", Map.of("code", "1", "libraries", List.of("numpy")),
                        "'libraries' is not supported: packages cannot be installed"),
                Arguments.of("execute_code", Map.of("code", "1", "timeout", 61), "'timeout' is at most 60 seconds"),
                Arguments.of("execute_code", Map.of("code", "1", "timeout", -1), "positive number of seconds"),
                Arguments.of("execute_code", Map.of("code", "1", "timeout", "5"), "'timeout' must be a number"),
                Arguments.of("execute_code", Map.of("code", "1", "session_id", "no-such-session"),
                        "session_not_found"),
                Arguments.of("execute_code", Map.of("code", "1", "inputs", List.of()), "'inputs' must be an object"),
                Arguments.of("execute_code", Map.of("code", "1", "cwd", "/"), "unknown argument 'cwd'"),
                Arguments.of("execute_code", Map.of("code", "1", "files", List.of("a.csv")),
                        "'files' must be an object"),
                Arguments.of("execute_code", Map.of("code", "1", "files", Map.of("a.csv", 7)),
                        "'a.csv' maps to the number 7"),
                Arguments.of("execute_code", Map.of("code", "1", "files", Map.of("a.csv", "@@@")),
                        "'files' entry 'a.csv' is not valid base64"),
                Arguments.of("execute_code", Map.of("code", "1", "files", Map.of("../etc/passwd", "")),
                        "'files': a file's path must name a file under /work"),
                Arguments.of("execute_code", Map.of("code", "1", "session_id", "no-such-session",
                        "files", Map.of("a.csv", "")), "session_not_found"),
                Arguments.of("get_language_details", Map.of("language", "cobol"), "unknown language 'cobol'"),
                Arguments.of("get_language_details", Map.of(), "'language' is required"),
                Arguments.of("close_session", Map.of("session_id", "no-such-session"), "session_not_found"),
                Arguments.of("upload_file", Map.of("session_id", "s", "path", "a.txt"), "'content' is required"),
                Arguments.of("download_file", Map.of("session_id", "no-such-session", "path", "a.txt"),
                        "session_not_found"),
                Arguments.of("create_session", Map.of("language", "js", "timeout", 60.5), "'timeout' is at most 60"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badArguments")
    void call_badArguments_isToolErrorAndTheServerServesOn(String tool, Map<String, Object> arguments,
            String message) {
        CallToolResult call = call(tool, arguments);

        assertThat(call.isError()).isTrue();
        assertThat(text(call)).startsWith(tool + ": ").contains(message);
        assertThat(ok(call("execute_code", Map.of("language", "js", "code", "1 + 1")))).containsEntry("value", 2L);
    }

    @Test
    void session_keepsStateAndFiles_untilClosed() {
        Map<String, Object> session = ok(call("create_session", Map.of("timeout", 55)));
        String id = (String) session.get("session_id");
        assertThat(session).containsEntry("language", "python");
        assertThat(session.get("limits").toString()).contains("timeoutMs=55000");

        ok(call("upload_file", Map.of("session_id", id, "path", "data.csv",
                "content", Base64.getEncoder().encodeToString("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))));
        ok(call("execute_code", Map.of("session_id", id, "code",
                "rows = open('data.csv').read().splitlines()\nopen('out.txt', 'w').write(str(len(rows)))")));
        Map<String, Object> count = ok(call("execute_code", Map.of("session_id", id, "code", "len(rows)",
                "timeout", 55)));
        Map<String, Object> download = ok(call("download_file", Map.of("session_id", id, "path", "/work/out.txt")));
        Map<String, Object> files = ok(call("list_files", Map.of("session_id", id)));
        Map<String, Object> listed = ok(call("list_sessions", Map.of()));

        assertThat(count).containsEntry("value", 2L);
        assertThat(new String(Base64.getDecoder().decode((String) download.get("content")), StandardCharsets.UTF_8))
                .isEqualTo("2");
        assertThat(files.get("files").toString()).contains("/work/data.csv").contains("/work/out.txt");
        assertThat(listed.get("sessions").toString()).contains(id);

        ok(call("close_session", Map.of("session_id", id)));
        assertThat(text(call("execute_code", Map.of("session_id", id, "code", "rows")))).contains("session_not_found");
    }

    @Test
    void executeCode_inSession_refusesAnotherLanguageOrTimeout() {
        String id = (String) ok(call("create_session", Map.of("language", "js"))).get("session_id");
        try {
            assertThat(text(call("execute_code", Map.of("session_id", id, "code", "1", "language", "python"))))
                    .contains("runs js, not python");
            assertThat(text(call("execute_code", Map.of("session_id", id, "code", "1", "timeout", 1))))
                    .contains("has a timeout of 50 s");
        } finally {
            ok(call("close_session", Map.of("session_id", id)));
        }
    }

    @Test
    void uploadFile_badBase64_isToolError() {
        String id = (String) ok(call("create_session", Map.of("language", "js"))).get("session_id");
        try {
            CallToolResult call = call("upload_file", Map.of("session_id", id, "path", "a.bin", "content", "@@@"));

            assertThat(call.isError()).isTrue();
            assertThat(text(call)).contains("'content' is not valid base64");
        } finally {
            ok(call("close_session", Map.of("session_id", id)));
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void languages_areListedAndDescribed() {
        CallToolResult languages = call("get_supported_languages", Map.of());
        Map<String, Object> python = ok(call("get_language_details", Map.of("language", "py")));

        assertThat(Json.parse(text(languages))).isEqualTo(List.of("js", "python", "sql"));
        assertThat(python).containsEntry("language", "python").containsEntry("file_extensions", List.of(".py"))
                .containsEntry("default", true);
        assertThat(python.get("version")).isNotNull();
    }

    @Test
    void executeCode_sql_runsTheQueryOnItsInputTable() {
        Map<String, Object> sql = ok(call("get_language_details", Map.of("language", "sql")));
        CallToolResult result = call("execute_code", Map.of("language", "sql", "code", "SELECT sum(n) AS s FROM t",
                "inputs", Map.of("t", List.of(Map.of("n", 2), Map.of("n", 3)))));

        assertThat(sql).containsEntry("file_extensions", List.of(".sql")).containsEntry("default", false);
        assertThat((String) sql.get("runtime")).startsWith("DuckDB JDBC 2.0");
        assertThat(result.isError()).as(text(result)).isFalse();
        assertThat(text(result)).contains("\"rows\":[[5]]");
    }

    @Test
    void tools_sessionsOfAnotherTenant_doNotExist() {
        AtomicReference<String> tenant = new AtomicReference<>("tenant-a");
        Map<String, SyncToolSpecification> tools = new LinkedHashMap<>();
        SandlotMcp.tools(service, context -> tenant.get()).forEach(tool -> tools.put(tool.tool().name(), tool));
        String id = (String) ok(direct(tools, "create_session", Map.of("language", "js"))).get("session_id");

        tenant.set("tenant-b");
        CallToolResult foreign = direct(tools, "execute_code", Map.of("session_id", id, "code", "1"));
        Map<String, Object> listed = ok(direct(tools, "list_sessions", Map.of()));
        tenant.set("tenant-a");
        ok(direct(tools, "close_session", Map.of("session_id", id)));

        assertThat(foreign.isError()).isTrue();
        assertThat(text(foreign)).contains("session_not_found");
        assertThat(listed).containsEntry("sessions", List.of());
    }

    @Test
    void tenantOf_contextWithoutTenant_isAWiringError() {
        Map<String, SyncToolSpecification> tools = new LinkedHashMap<>();
        SandlotMcp.tools(service, SandlotMcp::tenantOf).forEach(tool -> tools.put(tool.tool().name(), tool));

        CallToolResult call = direct(tools, "list_sessions", Map.of());

        assertThat(call.isError()).isTrue();
        assertThat(text(call)).contains("internal error").contains(SandlotMcp.TENANT_KEY);
        assertThat(SandlotMcp.tenantOf(McpTransportContext.create(Map.of(SandlotMcp.TENANT_KEY, "t")))).isEqualTo("t");
    }

    private static CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static CallToolResult direct(Map<String, SyncToolSpecification> tools, String tool,
            Map<String, Object> arguments) {
        return tools.get(tool).callHandler().apply(null, CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CallToolResult result) {
        return (Map<String, Object>) Json.parse(text(result));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castToMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> ok(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        return json(result);
    }
}
