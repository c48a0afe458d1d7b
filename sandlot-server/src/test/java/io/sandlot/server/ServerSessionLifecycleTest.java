package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.ExecutionResult;
import io.sandlot.Status;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sessions over time: idle TTL, surviving a timeout, caps per tenant and in all, one execution at a time. */
class ServerSessionLifecycleTest {

    private static SandboxServer server;
    private static Http alpha;
    private static Http beta;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA))
                .sessionsPerTenant(2).maxSessions(3).sessionSweepInterval(Duration.ofMillis(100))
                .build().start();
        alpha = new Http(server.uri(), TestServers.ALPHA);
        beta = alpha.as(TestServers.BETA);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void deleteSessions() {
        for (Http client : List.of(alpha, beta)) {
            for (Object session : TestServers.list(client.get("/v1/sessions").json().get("sessions"))) {
                client.delete("/v1/sessions/" + TestServers.map(session).get("id"));
            }
        }
    }

    @Test
    void session_idlePastItsTtl_isClosedBySweeperAndThen404() throws InterruptedException {
        long expiredBefore = expiredCount();
        String id = create(alpha, "js", Map.of("ttlSeconds", 1));
        alpha.postJson("/v1/sessions/" + id + "/execute", Map.of("code", "var kept = 1"));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (expiredCount() == expiredBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(expiredCount()).isEqualTo(expiredBefore + 1);
        Reply reply = alpha.postJson("/v1/sessions/" + id + "/execute", Map.of("code", "kept"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error")).isEqualTo("session_not_found");
    }

    @Test
    void session_usedWithinItsTtl_staysOpen() throws InterruptedException {
        String id = create(alpha, "js", Map.of("ttlSeconds", 1));

        for (int i = 0; i < 4; i++) {
            Thread.sleep(500);
            assertThat(alpha.postJson("/v1/sessions/" + id + "/execute", Map.of("code", "1")).status()).isEqualTo(200);
        }

        assertThat(alpha.get("/v1/sessions/" + id).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "js     | var x = 41   | while (true) {}",
        "python | x = 41       | while True: pass",
    })
    void session_survivesATimeout(String language, String define, String loop) {
        String id = create(alpha, language, Map.of("limits", Map.of("timeoutMs", 3000)));
        String execute = "/v1/sessions/" + id + "/execute";

        Reply defined = alpha.postJson(execute, Map.of("code", define));
        Reply stopped = alpha.postJson(execute, Map.of("code", loop));
        Reply after = alpha.postJson(execute, Map.of("code", "x + 1"));

        assertThat(ExecutionResult.fromJson(defined.body()).status()).as(defined.body()).isEqualTo(Status.OK);
        assertThat(ExecutionResult.fromJson(stopped.body()).status()).isEqualTo(Status.TIMEOUT);
        assertThat(after.status()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(after.body()).value()).as(after.body()).isEqualTo(42L);
        assertThat(alpha.get("/v1/sessions/" + id).json().get("open")).isEqualTo(true);
    }

    @Test
    void sessions_perTenantCapIs429AndServerCapIs503() {
        create(alpha, "js", Map.of());
        create(alpha, "js", Map.of());
        Reply thirdOfAlpha = alpha.postJson("/v1/sessions", Map.of("language", "js"));
        create(beta, "js", Map.of());
        Reply fourthOnServer = beta.postJson("/v1/sessions", Map.of("language", "js"));

        assertThat(thirdOfAlpha.status()).isEqualTo(429);
        assertThat(thirdOfAlpha.message()).contains("already has 2 sessions");
        assertThat(fourthOnServer.status()).isEqualTo(503);
        assertThat(fourthOnServer.header("Retry-After")).isNotNull();
    }

    @Test
    void session_runningAnExecution_answers409ToASecond() throws Exception {
        String id = create(alpha, "js", Map.of("limits", Map.of("timeoutMs", 2000)));
        String execute = "/v1/sessions/" + id + "/execute";
        CompletableFuture<Reply> loop = CompletableFuture.supplyAsync(
                () -> alpha.postJson(execute, Map.of("code", "while (true) {}")));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Boolean.TRUE.equals(alpha.get("/v1/sessions/" + id).json().get("busy"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        Reply second = alpha.postJson(execute, Map.of("code", "1"));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("error")).isEqualTo("session_busy");
        assertThat(ExecutionResult.fromJson(loop.get().body()).status()).isEqualTo(Status.TIMEOUT);
    }

    private static String create(Http client, String language, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
        body.put("language", language);
        Reply reply = client.postJson("/v1/sessions", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return (String) reply.json().get("id");
    }

    private static long expiredCount() {
        Matcher m = Pattern.compile("(?m)^sandlot_sessions_closed_total\\{reason=\"expired\"\\} (\\d+)$")
                .matcher(alpha.get("/metrics").body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
