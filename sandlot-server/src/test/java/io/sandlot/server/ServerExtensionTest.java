package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import io.sandlot.service.ServiceException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What other front ends plug into the server: a WebSocket route (a test-only echo endpoint through the real server)
 * and a mounted Jetty handler, both authenticated by the REST API's rules.
 */
class ServerExtensionTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long MAX_BODY = 64 * 1024;

    private static SandboxServer server;
    private static final TenantHandler MOUNTED = new TenantHandler();

    /** Echoes every text message, prefixed with the tenant and the room of its path. */
    public static final class Echo extends Session.Listener.Abstract implements Session.Listener.AutoDemanding {
        private final String prefix;

        public Echo(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void onWebSocketText(String message) {
            getSession().sendText(prefix + message, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    /** Answers with the tenant the server put in the request. */
    static final class TenantHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(true, ByteBuffer.wrap(("tenant=" + request.getAttribute(SandboxServer.TENANT_ATTRIBUTE)
                    + " path=" + request.getHttpURI().getPath()).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).maxBodyBytes(MAX_BODY)
                .build()
                .addWebSocket("/ws/rooms/{room}", upgrade -> {
                    if (upgrade.parameter("room").equals("nobody")) {
                        return null;
                    }
                    if (upgrade.parameter("room").equals("closed")) {
                        throw ServiceException.of(ServiceException.Kind.NOT_FOUND, "room_not_found", "no room 'closed'");
                    }
                    return new Echo(upgrade.tenant() + "@" + upgrade.parameter("room") + ": ");
                })
                .mount("/ext", MOUNTED)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "token", "query"})
    void webSocket_withToken_echoesAsTheTenant(String credentials) throws Exception {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
        String query = "";
        if (credentials.equals("query")) {
            query = "?token=" + TestServers.BETA;
        } else {
            builder.header("Authorization", credentials + " " + TestServers.BETA);
        }
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = builder.buildAsync(WebSockets.uri(server, "/ws/rooms/r%C3%A9d" + query), messages).get(10, TimeUnit.SECONDS);

        socket.sendText("hello", true).get(10, TimeUnit.SECONDS);

        assertThat(messages.next()).isEqualTo("tenant-2@réd: hello");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?token=not-a-token-of-this-server"})
    void webSocket_withoutAValidToken_is401(String query) {
        assertThat(handshakeStatus(CLIENT.newWebSocketBuilder(), "/ws/rooms/a" + query)).isEqualTo(401);
    }

    @Test
    void webSocket_refusedByTheRoute_getsTheRestStatus() {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + TestServers.ALPHA);

        assertThat(handshakeStatus(builder, "/ws/rooms/closed")).isEqualTo(404);
        assertThat(handshakeStatus(builder, "/ws/rooms/nobody")).as("a route that gives no endpoint").isEqualTo(500);
    }

    @Test
    void webSocketPath_withoutUpgrade_is400() {
        Reply reply = new Http(server.uri(), TestServers.ALPHA).get("/ws/rooms/a");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error")).isEqualTo("websocket_expected");
    }

    @Test
    void webSocket_messageAboveMaxBody_closesWith1009() throws Exception {
        WebSockets.Messages messages = new WebSockets.Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + TestServers.ALPHA)
                .buildAsync(WebSockets.uri(server, "/ws/rooms/a"), messages).get(10, TimeUnit.SECONDS);

        socket.sendText("x".repeat((int) MAX_BODY + 1), true).get(10, TimeUnit.SECONDS);

        assertThat(messages.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(new Http(server.uri(), null).get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void webSocket_withoutTokens_refusesAPageOfAnotherOrigin() throws Exception {
        try (SandboxServer open = TestServers.builder().build()
                .addWebSocket("/ws", upgrade -> new Echo("")).start()) {
            WebSocket.Builder foreign = CLIENT.newWebSocketBuilder().header("Origin", "https://attacker.example");
            WebSockets.Messages messages = new WebSockets.Messages();

            assertThat(WebSockets.handshakeStatus(open, foreign, "/ws")).isEqualTo(403);
            WebSocket socket = CLIENT.newWebSocketBuilder().header("Origin", "http://localhost:" + open.port())
                    .buildAsync(WebSockets.uri(open, "/ws"), messages).get(10, TimeUnit.SECONDS);
            socket.sendText("same origin", true).get(10, TimeUnit.SECONDS);
            assertThat(messages.next()).isEqualTo("same origin");
        }
    }

    @Test
    void rest_acceptsTheTokenSchemeButNoTokenInTheUrl() throws Exception {
        HttpRequest tokenScheme = HttpRequest.newBuilder(server.uri().resolve("/v1/info"))
                .header("Authorization", "token " + TestServers.BETA).build();
        HttpRequest query = HttpRequest.newBuilder(
                server.uri().resolve("/v1/info?token=" + TestServers.BETA)).build();

        String body = CLIENT.send(tokenScheme, HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> refused = CLIENT.send(query, HttpResponse.BodyHandlers.ofString());

        assertThat(body).contains("\"tenant\":\"tenant-2\"");
        assertThat(refused.statusCode()).as("a token in a REST URL ends up in access logs").isEqualTo(401);
    }

    @Test
    void mount_handlesItsPathAndBelowWithTheTenant() {
        Http alpha = new Http(server.uri(), TestServers.ALPHA);

        assertThat(alpha.get("/ext").body()).isEqualTo("tenant=tenant-1 path=/ext");
        assertThat(alpha.get("/ext/a/b?x=1").body()).isEqualTo("tenant=tenant-1 path=/ext/a/b");
        assertThat(alpha.get("/extra").status()).as("a sibling path is not the mount's").isEqualTo(404);
        assertThat(MOUNTED.isStarted()).isTrue();
        assertThat(MOUNTED.getServer()).as("the mounted handler's server").isNotNull();
    }

    @Test
    void mount_servletContext_servesTheServletWithTheTenant() throws Exception {
        ServletContextHandler context = new ServletContextHandler("/svc");
        context.addServlet(new ServletHolder(new TenantServlet()), "/hello/*");
        try (SandboxServer withServlet = TestServers.builder().tokens(List.of(TestServers.ALPHA)).build()
                .mount("/svc", context).start()) {
            Http alpha = new Http(withServlet.uri(), TestServers.ALPHA);

            Reply reply = alpha.get("/svc/hello/there");

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("tenant-1 /hello /there");
            assertThat(alpha.get("/svc/nothing").status()).isEqualTo(404);
            assertThat(alpha.as(null).get("/svc/hello/there").status()).isEqualTo(401);
            assertThat(alpha.get("/v1/info").status()).as("REST beside the servlet").isEqualTo(200);
        }
    }

    /** Answers with the tenant the server put in the request, the servlet path and the path info. */
    static final class TenantServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(request.getAttribute(SandboxServer.TENANT_ATTRIBUTE) + " "
                    + request.getServletPath() + " " + request.getPathInfo());
        }
    }

    @Test
    void mount_withoutToken_is401() {
        Reply reply = new Http(server.uri(), null).get("/ext/anything");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sandlot\"");
    }

    @Test
    void registration_afterStart_isRefused() {
        assertThatThrownBy(() -> server.addWebSocket("/late", upgrade -> new Echo("")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.mount("/late", new TenantHandler()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void registration_badPath_isRefused() {
        SandboxServer unstarted = TestServers.builder().build();

        assertThatThrownBy(() -> unstarted.mount("/svc/", new TenantHandler()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing slash");
        assertThatThrownBy(() -> unstarted.addWebSocket("ws", upgrade -> new Echo("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '/'");
        unstarted.mount("/svc", new TenantHandler());
        assertThatThrownBy(() -> unstarted.mount("/svc", new TenantHandler()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already mounted");
    }

    private static int handshakeStatus(WebSocket.Builder builder, String path) {
        return WebSockets.handshakeStatus(server, builder, path);
    }
}
