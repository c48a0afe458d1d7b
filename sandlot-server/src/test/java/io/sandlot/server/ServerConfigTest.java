package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.server.TestServers.Http;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceException.Kind;
import io.sandlot.service.ServiceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server made from immutable snapshots, and the one mapping of service refusals to HTTP statuses. */
class ServerConfigTest {

    @Test
    void create_fromSnapshots_servesWithTheServiceSettings() {
        ServiceConfig service = ServiceConfig.newBuilder().factory(TestServers.FACTORY).maxConcurrency(2)
                .maxSessions(5).build();
        ServerConfig http = new ServerConfig("127.0.0.1", 0, List.of(TestServers.ALPHA, TestServers.BETA), 1024,
                Duration.ofSeconds(2), false);

        try (SandboxServer server = SandboxServer.create(service, http).start()) {
            Map<String, Object> info = new Http(server.uri(), TestServers.ALPHA).get("/v1/info").json();

            assertThat(TestServers.map(info.get("sessions")).get("max")).isEqualTo(5L);
            assertThat(info.get("maxBodyBytes")).isEqualTo(1024L);
            assertThat(server.service().config().tenants()).isEqualTo(2);
            assertThat(server.tenantCount()).isEqualTo(2);
        }
    }

    @Test
    void serverConfig_publicHostWithoutTokens_isRefused() {
        assertThatThrownBy(() -> new ServerConfig("0.0.0.0", 0, List.of(), 1024, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without tokens");
    }

    @Test
    void serverConfig_portOutOfRange_failsNamingThePort() {
        assertThatThrownBy(() -> new ServerConfig("127.0.0.1", 70_000, List.of(), 1024, Duration.ZERO, false))
                .hasMessage("port must be from 0 to 65535, was 70000");
    }

    @Test
    void serverConfig_tokens_areCopied() {
        List<String> tokens = new java.util.ArrayList<>(List.of(TestServers.ALPHA));
        ServerConfig config = new ServerConfig("127.0.0.1", 0, tokens, 1024, Duration.ZERO, false);

        tokens.add(TestServers.BETA);

        assertThat(config.tokens()).containsExactly(TestServers.ALPHA);
    }

    @ParameterizedTest
    @CsvSource({
        "BAD_REQUEST, 400", "UNAUTHORIZED, 401", "FORBIDDEN, 403", "NOT_FOUND, 404", "CONFLICT, 409",
        "PAYLOAD_TOO_LARGE, 413", "TOO_MANY, 429", "OVERLOADED, 503", "UNAVAILABLE, 503"
    })
    void httpError_ofServiceException_mapsEachKindToItsStatus(Kind kind, int status) {
        HttpError error = HttpError.of(ServiceException.of(kind, "some_reason", "what went wrong"));

        assertThat(error.status).isEqualTo(status);
        assertThat(error.code).isEqualTo("some_reason");
        assertThat(error.getMessage()).isEqualTo("what went wrong");
        assertThat(error.headers).doesNotContainKey("Retry-After");
    }

    @Test
    void httpError_ofRetryableRefusal_carriesRetryAfter() {
        HttpError error = HttpError.of(ServiceException.retryable(Kind.OVERLOADED, "overloaded", "full", 7));

        assertThat(error.headers).containsEntry("Retry-After", "7");
    }
}
