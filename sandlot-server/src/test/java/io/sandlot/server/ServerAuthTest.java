package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokens, tenants and session ownership. */
class ServerAuthTest {

    private static SandboxServer server;
    private static Http alpha;
    private static Http beta;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).build().start();
        alpha = new Http(server.uri(), TestServers.ALPHA);
        beta = alpha.as(TestServers.BETA);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"GET, /v1/info", "GET, /v1/sessions", "POST, /v1/execute", "POST, /v1/sessions", "GET, /metrics",
        "GET, /v1/openapi.json", "GET, /v1/sessions/x", "DELETE, /v1/sessions/x", "GET, /v1/sessions/x/files",
        "GET, /no/such/route"})
    void request_withoutToken_is401WithWwwAuthenticate(String method, String path) {
        Reply reply = alpha.as(null).send(method, path);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sandlot\"");
        assertThat(reply.json().get("error")).isEqualTo("unauthorized");
    }

    @Test
    void request_withWrongToken_is401InvalidToken() {
        Reply reply = alpha.as("not-a-token-of-this-server").get("/v1/info");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void request_withTokenPrefixOrSuffix_is401() {
        assertThat(alpha.as(TestServers.ALPHA.substring(0, 10)).get("/v1/info").status()).isEqualTo(401);
        assertThat(alpha.as(TestServers.ALPHA + "x").get("/v1/info").status()).isEqualTo(401);
    }

    @Test
    void health_withoutToken_isOk() {
        assertThat(alpha.as(null).get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void tokens_nameDistinctTenants() {
        assertThat(alpha.get("/v1/info").json().get("tenant")).isEqualTo("tenant-1");
        assertThat(beta.get("/v1/info").json().get("tenant")).isEqualTo("tenant-2");
    }

    @Test
    void session_ofAnotherToken_is404ForEveryOperation() {
        String id = (String) alpha.postJson("/v1/sessions", Map.of("language", "js")).json().get("id");
        alpha.put("/v1/sessions/" + id + "/files/secret.txt", "alpha's".getBytes(StandardCharsets.UTF_8));
        String base = "/v1/sessions/" + id;

        List<Reply> replies = List.of(beta.get(base), beta.postJson(base + "/execute", Map.of("code", "1")),
                beta.get(base + "/files"), beta.get(base + "/files/secret.txt"),
                beta.put(base + "/files/x.txt", new byte[] {1}), beta.delete(base + "/files/secret.txt"),
                beta.delete(base));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.json().get("error")).isEqualTo("session_not_found");
        });
        assertThat(beta.get(base).body()).isEqualTo(beta.get("/v1/sessions/no-such-id").body().replace("no-such-id", id));
        assertThat(TestServers.list(beta.get("/v1/sessions").json().get("sessions"))).isEmpty();
        assertThat(alpha.get(base + "/files/secret.txt").body()).isEqualTo("alpha's");
        alpha.delete(base);
    }

    @Test
    void tokensFile_ignoresBlankLinesAndComments(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tokens"), "# tenants\n\n  first-token-1  \n#second\nthird-token-3\n");

        assertThat(SandboxServer.readTokensFile(file)).containsExactly("first-token-1", "third-token-3");
    }

    @Test
    void tokensFile_malformedToken_namesTheLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tokens"), "good-token\nhas space\n");

        assertThatThrownBy(() -> SandboxServer.readTokensFile(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void tokens_duplicate_isRefused() {
        assertThatThrownBy(() -> SandboxServer.newBuilder().tokens(List.of("same-token", "same-token")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void build_nonLoopbackWithoutTokens_isRefused() {
        assertThatThrownBy(() -> SandboxServer.newBuilder().host("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without tokens");
    }

    @Test
    void withoutTokens_hostHeaderThatIsNotLoopback_is403() throws IOException {
        try (SandboxServer open = TestServers.builder().build().start()) {
            String ok = rawGet(open.port(), "localhost:" + open.port());
            String rebound = rawGet(open.port(), "attacker.example:" + open.port());

            assertThat(ok).startsWith("HTTP/1.1 200");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("forbidden_host");
        }
    }

    /** A GET of /v1/info with a chosen Host header (java.net.http does not let a caller set Host). */
    private static String rawGet(int port, String host) throws IOException {
        return TestServers.raw(port, "GET /v1/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }
}
