package io.sandlot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.Language;
import io.sandlot.Session;
import io.sandlot.SessionLostException;
import io.sandlot.server.SandboxServer;
import io.sandlot.server.TestServers;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas with node ids, as behind a load balancer: a session or kernel asked of the node that does not own it
 * is 410 {@code session_lost} over REST and the kernel gateway, and the Java client throws
 * {@link SessionLostException}.
 */
class SessionLostTest {

    private static SandboxServer r1;
    private static SandboxServer r2;
    private static RemoteSandbox toR1;
    private static RemoteSandbox toR2;

    @BeforeAll
    static void start() {
        r1 = TestServers.builder().tokens(List.of(TestServers.ALPHA)).nodeId("r1").build().start();
        r2 = TestServers.builder().tokens(List.of(TestServers.ALPHA)).nodeId("r2").build().start();
        toR1 = RemoteSandbox.newBuilder(r1.uri()).token(TestServers.ALPHA).build();
        toR2 = RemoteSandbox.newBuilder(r2.uri()).token(TestServers.ALPHA).build();
    }

    @AfterAll
    static void stop() {
        toR1.close();
        toR2.close();
        r1.close();
        r2.close();
    }

    @Test
    void rest_sessionOfAnotherNode_is410SessionLostNamingTheOwner() {
        String id = new Http(r1.uri(), TestServers.ALPHA).post("/v1/sessions", "{\"language\": \"js\"}").json()
                .get("id").toString();
        Http atR2 = new Http(r2.uri(), TestServers.ALPHA);

        assertThat(id).startsWith("r1.");
        for (Reply reply : List.of(atR2.get("/v1/sessions/" + id),
                atR2.post("/v1/sessions/" + id + "/execute", "{\"code\": \"1\"}"),
                atR2.get("/v1/sessions/" + id + "/files"), atR2.delete("/v1/sessions/" + id))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(410);
            assertThat(reply.json()).containsEntry("error", "session_lost");
            assertThat(reply.message()).contains("belongs to node 'r1', not to this node ('r2')");
        }
    }

    @Test
    void kernels_kernelOfAnotherNode_is410SessionLost() {
        Map<String, Object> kernel = new Http(r1.uri(), TestServers.ALPHA).post("/api/kernels", "{}").json();
        String id = kernel.get("id").toString();
        Http atR2 = new Http(r2.uri(), TestServers.ALPHA);

        assertThat(id).startsWith("r1.");
        Reply model = atR2.get("/api/kernels/" + id);
        Reply interrupt = atR2.post("/api/kernels/" + id + "/interrupt", "{}");
        assertThat(List.of(model.status(), interrupt.status())).containsExactly(410, 410);
        assertThat(model.json()).containsEntry("error", "session_lost");
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + TestServers.ALPHA)
                .buildAsync(URI.create("ws://127.0.0.1:" + r2.uri().getPort() + "/api/kernels/" + id + "/channels"),
                        new WebSocket.Listener() { }).join())
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(410));
    }

    @Test
    void client_sessionReachingAnotherNode_throwsSessionLostException() {
        Session onR1 = toR1.openSession(Language.PYTHON);
        onR1.execute("x = 41");
        Session rerouted = new RemoteSession(toR2, onR1.id(), Language.PYTHON);

        assertThatThrownBy(() -> rerouted.execute("x + 1")).isInstanceOf(SessionLostException.class)
                .hasMessageContaining("session '" + onR1.id() + "' belongs to node 'r1'");
        assertThatThrownBy(() -> rerouted.writeFile("a.txt", new byte[1])).isInstanceOf(SessionLostException.class);
        assertThat(rerouted.isOpen()).isFalse();
        rerouted.close();
        assertThat(onR1.execute("x + 1").value()).isEqualTo(42L);
        onR1.close();
    }
}
