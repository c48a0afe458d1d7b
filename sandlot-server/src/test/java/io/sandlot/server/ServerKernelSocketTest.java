package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import io.sandlot.wire.Json;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jupyter kernel channels through the real server: {@code POST /api/kernels}, then a WebSocket on
 * {@code /api/kernels/{id}/channels} carrying Jupyter messages as JSON text frames, as pybox and jupyter_client use it.
 */
class ServerKernelSocketTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
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
    void channels_pyboxStyleExecute_answersOnIopubAndShell() throws Exception {
        String kernel = startKernel("javascript");   // Python's first context is slow in a test JVM; the protocol is the same
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().header("Authorization", "token " + TestServers.ALPHA)
                .buildAsync(WebSockets.uri(server, "/api/kernels/" + kernel + "/channels"), messages)
                .get(10, TimeUnit.SECONDS);

        List<String> onConnect = types(messages, 2);
        // what pybox sends: no channel, no session, date or version
        socket.sendText(Json.write(Map.of("header", Map.of("msg_id", "run-1", "msg_type", "execute_request"),
                "parent_header", Map.of(), "metadata", Map.of(),
                "content", Map.of("code", "console.log('hi'); 6 * 7", "silent", false))), true).get(10, TimeUnit.SECONDS);
        List<Map<String, Object>> frames = until(messages, "status", "idle");

        assertThat(onConnect).containsExactly("iopub:status", "iopub:status");
        assertThat(frames).extracting(ServerKernelSocketTest::type).containsExactly("iopub:status",
                "iopub:execute_input", "iopub:stream", "iopub:execute_result", "shell:execute_reply", "iopub:status");
        assertThat(content(frames.get(2)).get("text")).isEqualTo("hi\n");
        assertThat(TestServers.map(content(frames.get(3)).get("data")).get("text/plain")).isEqualTo("42");
        assertThat(content(frames.get(4)).get("status")).isEqualTo("ok");
        assertThat(TestServers.map(frames.get(4).get("parent_header")).get("msg_id")).isEqualTo("run-1");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    @Test
    void channels_v1SubProtocol_isAcceptedAndSpokenInBinaryFrames() throws Exception {
        String kernel = startKernel("javascript");
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().header("Authorization", "token " + TestServers.ALPHA)
                .subprotocols("v1.kernel.websocket.jupyter.org")
                .buildAsync(WebSockets.uri(server, "/api/kernels/" + kernel + "/channels"), messages)
                .get(10, TimeUnit.SECONDS);

        List<String> onConnect = types(messages, 2);
        socket.sendBinary(WebSockets.v1Frame("shell", Map.of("msg_id", "v1-run", "msg_type", "execute_request",
                "session", "s", "username", "u", "version", "5.3", "date", "2026-11-30T00:00:00.000000Z"),
                Map.of("code", "[1, 2].map(x => x * 21)", "silent", false)), true).get(10, TimeUnit.SECONDS);
        List<Map<String, Object>> frames = until(messages, "status", "idle");

        assertThat(socket.getSubprotocol()).isEqualTo("v1.kernel.websocket.jupyter.org");
        assertThat(onConnect).containsExactly("iopub:status", "iopub:status");
        assertThat(frames).extracting(ServerKernelSocketTest::type).containsExactly("iopub:status",
                "iopub:execute_input", "iopub:execute_result", "shell:execute_reply", "iopub:status");
        assertThat(TestServers.map(content(frames.get(2)).get("data")).get("application/json"))
                .isEqualTo(List.of(21L, 42L));
        assertThat(TestServers.map(frames.get(3).get("parent_header")).get("msg_id")).isEqualTo("v1-run");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    @Test
    void channels_binaryFrameWithoutTheSubProtocol_closesTheSocket() throws Exception {
        String kernel = startKernel("javascript");
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().header("Authorization", "token " + TestServers.ALPHA)
                .buildAsync(WebSockets.uri(server, "/api/kernels/" + kernel + "/channels"), messages)
                .get(10, TimeUnit.SECONDS);
        types(messages, 2);

        socket.sendBinary(WebSockets.v1Frame("shell", Map.of("msg_id", "x", "msg_type", "kernel_info_request"),
                Map.of()), true).get(10, TimeUnit.SECONDS);

        assertThat(socket.getSubprotocol()).isEmpty();
        assertThat(messages.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1003);   // unsupported data
    }

    @Test
    void channels_tokenInTheQuery_isAccepted() throws Exception {
        String kernel = startKernel("javascript");
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().buildAsync(WebSockets.uri(server,
                "/api/kernels/" + kernel + "/channels?session_id=s-1&token=" + TestServers.ALPHA), messages)
                .get(10, TimeUnit.SECONDS);

        assertThat(types(messages, 2)).containsExactly("iopub:status", "iopub:status");
        socket.abort();
    }

    @Test
    void channels_unknownOrOtherTenantsKernel_isRefusedWith404() {
        String kernel = startKernel("python3");
        WebSocket.Builder beta = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + TestServers.BETA);
        WebSocket.Builder alpha = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + TestServers.ALPHA);

        assertThat(WebSockets.handshakeStatus(server, beta, "/api/kernels/" + kernel + "/channels")).isEqualTo(404);
        assertThat(WebSockets.handshakeStatus(server, alpha, "/api/kernels/" + UUID.randomUUID() + "/channels"))
                .isEqualTo(404);
        assertThat(WebSockets.handshakeStatus(server, CLIENT.newWebSocketBuilder(),
                "/api/kernels/" + kernel + "/channels")).isEqualTo(401);
    }

    @Test
    void channels_malformedFrame_isDroppedAndTheKernelAnswersTheNextOne() throws Exception {
        String kernel = startKernel("javascript");
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + TestServers.ALPHA)
                .buildAsync(WebSockets.uri(server, "/api/kernels/" + kernel + "/channels"), messages)
                .get(10, TimeUnit.SECONDS);
        types(messages, 2);

        socket.sendText("{not json", true).get(10, TimeUnit.SECONDS);
        socket.sendText(Json.write(Map.of("channel", "shell", "header", Map.of("msg_id", "k-1",
                "msg_type", "kernel_info_request"), "parent_header", Map.of(), "content", Map.of())), true)
                .get(10, TimeUnit.SECONDS);
        List<Map<String, Object>> frames = until(messages, "kernel_info_reply", null);

        Map<String, Object> reply = frames.get(frames.size() - 1);
        assertThat(TestServers.map(content(reply).get("language_info")).get("name")).isEqualTo("javascript");
        socket.abort();
    }

    private static String startKernel(String name) {
        Reply created = http.postJson("/api/kernels", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private static List<String> types(WebSockets.Messages messages, int count) throws InterruptedException {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(type(frame(messages.next())));
        }
        return types;
    }

    /** Frames up to the first of type {@code msgType} (with {@code execution_state}, if given). */
    private static List<Map<String, Object>> until(WebSockets.Messages messages, String msgType, String state)
            throws InterruptedException {
        List<Map<String, Object>> frames = new ArrayList<>();
        while (true) {
            Map<String, Object> frame = frame(messages.next());
            frames.add(frame);
            if (type(frame).endsWith(":" + msgType) && (state == null || state.equals(content(frame).get("execution_state")))) {
                return frames;
            }
        }
    }

    private static Map<String, Object> frame(String text) {
        return TestServers.map(Json.parse(text));
    }

    private static String type(Map<String, Object> frame) {
        return frame.get("channel") + ":" + TestServers.map(frame.get("header")).get("msg_type");
    }

    private static Map<String, Object> content(Map<String, Object> frame) {
        return TestServers.map(frame.get("content"));
    }
}
