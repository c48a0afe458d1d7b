package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.sandlot.mcp.SandlotMcp;
import io.sandlot.wire.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./sandbox mcp} as an MCP client starts it: a child process started by the launcher, spoken to over its
 * stdin and stdout, first with the SDK's own {@link StdioClientTransport}, then frame by frame to prove that
 * stdout carries nothing but protocol frames. Runs in {@code verify}, after the jar is packaged.
 */
class McpStdioIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String LAUNCHER = System.getProperty("sandlot.launcher", "./sandbox");

    @Test
    void mcp_sdkClientOverStdio_runsCodeAndSessions() {
        ServerParameters parameters = ServerParameters.builder(LAUNCHER)
                .args("mcp", "--no-warm-up", "--timeout-ms", "60000").build();
        StdioClientTransport transport = new StdioClientTransport(parameters, SandlotMcp.jsonMapper());
        StringBuffer stderr = new StringBuffer();
        transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(180))
                .initializationTimeout(Duration.ofSeconds(180)).build();
        try {
            client.initialize();

            List<Tool> tools = client.listTools().tools();
            CallToolResult python = call(client, "execute_code", Map.of("code", "print('hi')\n6 * 7"));
            CallToolResult unknown = call(client, "execute_code", Map.of("code", "1", "language", "rust"));
            String session = (String) json(call(client, "create_session", Map.of("language", "js")))
                    .get("session_id");
            call(client, "execute_code", Map.of("session_id", session, "code", "var total = 40"));
            CallToolResult again = call(client, "execute_code", Map.of("session_id", session, "code", "total + 2"));
            CallToolResult closed = call(client, "close_session", Map.of("session_id", session));

            assertThat(tools).extracting(Tool::name).contains("execute_code", "create_session", "download_file");
            assertThat(python.isError()).as(text(python)).isFalse();
            assertThat(json(python)).containsEntry("exit_code", 0L).containsEntry("stdout", "hi\n")
                    .containsEntry("value", 42L);
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).contains("unknown language 'rust'");
            assertThat(json(again)).containsEntry("value", 42L);
            assertThat(closed.isError()).isFalse();
        } finally {
            client.closeGracefully();
        }
        assertThat(stderr.toString()).contains("MCP server on stdio");
    }

    @Test
    void mcp_stdoutCarriesOnlyProtocolFrames_badLinesAreAnswered_andStdinEndStopsTheServer() throws Exception {
        Process process = new ProcessBuilder(LAUNCHER, "mcp", "--no-warm-up").directory(BASEDIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(lines::add));
        List<String> frames = new ArrayList<>();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"McpStdioIT","version":"1"}}}
                    {"jsonrpc":"2.0","method":"notifications/initialized"}
                    this line is not JSON
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"execute_code",\
                    "arguments":{"language":"js","code":"console.log('guest output'); 1 + 1"}}}
                    """).getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // stdin stays open until both answers are out: the server stops when it ends
            for (int i = 0; i < 3; i++) {
                String frame = lines.poll(180, TimeUnit.SECONDS);
                assertThat(frame).as("answer " + (i + 1)).isNotNull();
                frames.add(frame);
            }
        }

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the server exits when stdin ends").isTrue();
        assertThat(process.exitValue()).isZero();
        reader.join(10_000);
        lines.drainTo(frames);
        assertThat(frames).hasSize(3);
        for (String frame : frames) {
            assertThat(Json.parse(frame)).as(frame).isInstanceOf(Map.class);
            assertThat(frame).contains("\"jsonrpc\":\"2.0\"");
        }
        // the parse error is answered as the line is read, so it may overtake the answer to initialize
        assertThat(frames).anySatisfy(frame -> assertThat(frame).contains("\"id\":1").contains("\"name\":\"sandlot\""))
                .anySatisfy(frame -> assertThat(frame).contains("\"id\":null").contains("-32700"));
        assertThat(frames.get(2)).contains("\"id\":2").contains("guest output").contains("\\\"value\\\":2");
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CallToolResult result) {
        return (Map<String, Object>) Json.parse(text(result));
    }
}
