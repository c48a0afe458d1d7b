package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.server.TestServers.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --anonymous}: requests without credentials act as one more tenant, beside the tokens' tenants. */
class ServerAnonymousTest {

    @Test
    void requestWithoutCredentials_isTheAnonymousTenant_andAWrongTokenIsStillRefused() {
        try (SandboxServer server = TestServers.builder().tokens(List.of(TestServers.ALPHA)).anonymous(true).build()
                .start()) {
            Http alpha = new Http(server.uri(), TestServers.ALPHA);
            Http nobody = alpha.as(null);
            String kernel = (String) alpha.postJson("/api/kernels", Map.of()).json().get("id");

            assertThat(nobody.get("/v1/info").json()).containsEntry("tenant", "anonymous");
            assertThat(nobody.get("/api/kernels/" + kernel).status()).isEqualTo(404);
            assertThat(nobody.postJson("/api/kernels", Map.of("name", "javascript")).status()).isEqualTo(201);
            assertThat(alpha.as("wrong-token").get("/v1/info").status()).isEqualTo(401);
            assertThat(server.tenantCount()).isEqualTo(2);
            assertThat(server.service().config().tenants()).isEqualTo(2);
        }
    }

    @Test
    void aSchemeWithoutAToken_presentsNoCredentials() {
        // what jupyter_server's gateway client sends when it is given no token
        String request = "GET /v1/info HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: token \r\nConnection: close\r\n\r\n";
        try (SandboxServer open = TestServers.builder().tokens(List.of(TestServers.ALPHA)).anonymous(true).build()
                .start(); SandboxServer closed = TestServers.builder().tokens(List.of(TestServers.ALPHA)).build().start()) {
            assertThat(TestServers.raw(open.port(), request)).startsWith("HTTP/1.1 200").contains("\"anonymous\"");
            assertThat(TestServers.raw(closed.port(), request)).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void withoutTheFlag_aRequestWithoutCredentialsIsRefused() {
        try (SandboxServer server = TestServers.builder().tokens(List.of(TestServers.ALPHA)).build().start()) {
            assertThat(new Http(server.uri(), null).get("/api/kernels").status()).isEqualTo(401);
        }
    }

    @Test
    void anonymousOnANonLoopbackHost_isRefused() {
        assertThatThrownBy(() -> new ServerConfig("0.0.0.0", 0, List.of(TestServers.ALPHA), 1024, Duration.ZERO,
                false, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anonymous");
    }

    @Test
    void anonymous_refusesRequestsFromPagesOfOtherOrigins() {
        // a cross-origin text/plain POST needs no preflight, and Jupyter's routes read it as JSON
        try (SandboxServer server = TestServers.builder().anonymous(true).build().start()) {
            String foreign = TestServers.raw(server.port(), "POST /api/kernels HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Origin: https://evil.example\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}");
            String local = TestServers.raw(server.port(), "GET /api/kernels HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Origin: http://localhost:8888\r\nConnection: close\r\n\r\n");

            assertThat(foreign).startsWith("HTTP/1.1 403").contains("forbidden_origin");
            assertThat(local).startsWith("HTTP/1.1 200");
            assertThat(server.service().stats().sessions().values()).allMatch(count -> count == 0);
        }
    }

    @Test
    void anonymousWithTokens_stillChecksTheHost() {
        try (SandboxServer server = TestServers.builder().tokens(List.of(TestServers.ALPHA)).anonymous(true).build()
                .start()) {
            String answer = TestServers.raw(server.port(), "GET /v1/info HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 403");
        }
    }
}
