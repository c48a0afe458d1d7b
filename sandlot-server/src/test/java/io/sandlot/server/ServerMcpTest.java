package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.sandlot.mcp.SandlotMcp;
import io.sandlot.wire.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MCP's streamable HTTP at {@code /mcp} on the real server, driven by the SDK's own HTTP client. */
class ServerMcpTest {

    private static SandboxServer server;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void mcp_executeCodeAndSessions_actForTheTokensTenant() {
        try (McpSyncClient alpha = client(TestServers.ALPHA); McpSyncClient beta = client(TestServers.BETA)) {
            Map<String, Object> ran = answer(alpha.callTool(call("execute_code",
                    Map.of("code", "[1, 2, 3].map(x => x * x)", "language", "javascript"))));
            String session = (String) answer(alpha.callTool(call("create_session", Map.of("language", "python"))))
                    .get("session_id");
            CallToolResult othersSession = beta.callTool(call("execute_code",
                    Map.of("code", "1", "session_id", session)));

            assertThat(ran).containsEntry("exit_code", 0L).containsEntry("status", "ok");
            assertThat(ran.get("value")).isEqualTo(List.of(1L, 4L, 9L));
            assertThat(alpha.listTools().tools()).extracting(tool -> tool.name()).contains("execute_code");
            assertThat(othersSession.isError()).as("another tenant's session").isTrue();
        }
    }

    @Test
    void mcp_withoutAValidToken_isRefused() {
        assertThatThrownBy(() -> client("not-a-token-of-this-server").close()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void mcpSession_ofAnotherTenant_isNotFound_andErrorsCarryNoJavaStack() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> opened = http.send(mcp(TestServers.ALPHA, null, "POST",
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                        + "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, "
                        + "\"clientInfo\": {\"name\": \"test\", \"version\": \"1\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String list = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}";

        HttpResponse<String> borrowed = http.send(mcp(TestServers.BETA, session, "POST", list),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> deleted = http.send(mcp(TestServers.BETA, session, "DELETE", null),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(mcp(TestServers.ALPHA, "no-such-session", "POST", list),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> own = http.send(mcp(TestServers.ALPHA, session, "POST", list),
                HttpResponse.BodyHandlers.ofString());

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(borrowed.statusCode()).isEqualTo(404);
        assertThat(borrowed.body()).contains("Session not found").doesNotContain("stackTrace");
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Session not found").doesNotContain("stackTrace")
                .doesNotContain("modelcontextprotocol");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("execute_code");
    }

    @Test
    void mcpSessions_areBoundedPerTenant_theLeastRecentlyUsedIdleOneEnds() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        SandboxServer own = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).build()
                .start();
        try {
            List<String> opened = new ArrayList<>();
            for (int i = 0; i < McpEndpoint.SESSIONS_PER_TENANT; i++) {
                opened.add(initialize(http, own, TestServers.BETA));
            }
            assertThat(listTools(http, own, TestServers.BETA, opened.get(0)).statusCode()).isEqualTo(200);
            opened.add(initialize(http, own, TestServers.BETA));
            String otherTenants = initialize(http, own, TestServers.ALPHA);

            assertThat(listTools(http, own, TestServers.BETA, opened.get(1)).statusCode())
                    .as("the least recently used").isEqualTo(404);
            assertThat(listTools(http, own, TestServers.BETA, opened.get(0)).statusCode()).isEqualTo(200);
            assertThat(listTools(http, own, TestServers.BETA, opened.getLast()).statusCode()).isEqualTo(200);
            assertThat(listTools(http, own, TestServers.ALPHA, otherTenants).statusCode()).isEqualTo(200);
        } finally {
            own.close();
        }
    }

    @Test
    void mcpSession_idleForTheLongestSessionTtl_ends_andTheSdksSweeperRunsOnADaemonThreadThatCloseEnds()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SandboxServer shortLived = TestServers.builder().tokens(List.of(TestServers.ALPHA))
                .sessionTtl(Duration.ofMillis(500)).maxSessionTtl(Duration.ofMillis(500)).build().start();
        List<Thread> sweepers;
        try {
            String idle = initialize(http, shortLived, TestServers.ALPHA);
            String used = initialize(http, shortLived, TestServers.ALPHA);
            for (int i = 0; i < 6; i++) {
                Thread.sleep(200);
                assertThat(listTools(http, shortLived, TestServers.ALPHA, used).statusCode()).isEqualTo(200);
            }

            assertThat(listTools(http, shortLived, TestServers.ALPHA, idle).statusCode()).isEqualTo(404);
            Thread.sleep(800);
            assertThat(listTools(http, shortLived, TestServers.ALPHA, used).statusCode()).as("idle once its "
                    + "requests have ended").isEqualTo(404);
            sweepers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread) && thread.getName().contains("sweeper"))
                    .toList();
            assertThat(sweepers).extracting(Thread::getName).contains("sandlot-mcp-session-sweeper")
                    .noneMatch(name -> name.contains("streamable-http"));
            assertThat(sweepers).allMatch(Thread::isDaemon);
        } finally {
            shortLived.close();
        }
        for (Thread sweeper : sweepers) {
            sweeper.join(5_000);
        }
        assertThat(sweepers).noneMatch(Thread::isAlive);
    }

    private static String initialize(HttpClient http, SandboxServer target, String token) throws Exception {
        HttpResponse<String> opened = http.send(mcp(target, token, null, "POST",
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                        + "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, "
                        + "\"clientInfo\": {\"name\": \"test\", \"version\": \"1\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        return opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private static HttpResponse<String> listTools(HttpClient http, SandboxServer target, String token,
            String session) throws Exception {
        return http.send(mcp(target, token, session, "POST", "{\"jsonrpc\": \"2.0\", \"id\": 2, "
                + "\"method\": \"tools/list\"}"), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest mcp(String token, String session, String method, String body) {
        return mcp(server, token, session, method, body);
    }

    private static HttpRequest mcp(SandboxServer target, String token, String session, String method,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri().resolve("/mcp"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    private static McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(server.uri().toString())
                .jsonMapper(SandlotMcp.jsonMapper())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments) {
        return CallToolRequest.builder(tool).arguments(arguments).build();
    }

    private static Map<String, Object> answer(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return TestServers.map(Json.parse(((TextContent) result.content().get(0)).text()));
    }
}
