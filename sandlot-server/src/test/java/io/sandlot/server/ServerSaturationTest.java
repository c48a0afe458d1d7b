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
import org.junit.jupiter.api.Test;

/** The bounded queue: when it is full, 429 or 503 with Retry-After, never unbounded waiting; then recovery. */
class ServerSaturationTest {

    private static final Map<String, Object> SPIN = Map.of("language", "js", "code", "while (true) {}",
            "limits", Map.of("timeoutMs", 1500));
    private static final Map<String, Object> TRIVIAL = Map.of("language", "js", "code", "6 * 7");

    @Test
    void tenantQueueFull_is429WithRetryAfter_thenRecovers() throws Exception {
        try (SandboxServer server = TestServers.builder().maxConcurrency(1).queueSize(1).build().start()) {
            Http http = new Http(server.uri(), null);
            CompletableFuture<Reply> running = async(http, SPIN);
            awaitGauge(http, "sandlot_executions_running", 1);
            CompletableFuture<Reply> queued = async(http, SPIN);
            awaitGauge(http, "sandlot_queue_depth", 1);

            Reply refused = http.postJson("/v1/execute", TRIVIAL);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().get("error")).isEqualTo("too_many_requests");
            assertThat(status(running.get())).isEqualTo(Status.TIMEOUT);
            assertThat(status(queued.get())).isEqualTo(Status.TIMEOUT);
            Reply recovered = http.postJson("/v1/execute", TRIVIAL);
            assertThat(recovered.status()).isEqualTo(200);
            assertThat(ExecutionResult.fromJson(recovered.body()).value()).isEqualTo(42L);
            assertThat(http.get("/metrics").body()).contains("sandlot_rejected_requests_total{reason=\"tenant_queue_full\"} 1");
        }
    }

    @Test
    void serverQueueFull_is503WithRetryAfter_thenRecovers() throws Exception {
        try (SandboxServer server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA))
                .maxConcurrency(1).queueSize(1).build().start()) {
            Http alpha = new Http(server.uri(), TestServers.ALPHA);
            Http beta = alpha.as(TestServers.BETA);
            CompletableFuture<Reply> running = async(alpha, SPIN);
            awaitGauge(alpha, "sandlot_executions_running", 1);
            CompletableFuture<Reply> queued = async(alpha, SPIN);
            awaitGauge(alpha, "sandlot_queue_depth", 1);

            Reply refused = beta.postJson("/v1/execute", TRIVIAL);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().get("error")).isEqualTo("overloaded");
            running.get();
            queued.get();
            assertThat(beta.postJson("/v1/execute", TRIVIAL).status()).isEqualTo(200);
        }
    }

    @Test
    void waitForASlotPastTheQueueTimeout_is503() throws Exception {
        try (SandboxServer server = TestServers.builder().maxConcurrency(1).queueTimeout(Duration.ofMillis(300))
                .build().start()) {
            Http http = new Http(server.uri(), null);
            CompletableFuture<Reply> running = async(http, SPIN);
            awaitGauge(http, "sandlot_executions_running", 1);

            Reply refused = http.postJson("/v1/execute", TRIVIAL);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.message()).contains("within 300 ms");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            running.get();
            assertThat(http.get("/metrics").body()).contains("sandlot_queue_depth 0");
        }
    }

    static CompletableFuture<Reply> async(Http http, Map<String, Object> body) {
        return CompletableFuture.supplyAsync(() -> http.postJson("/v1/execute", body));
    }

    static Status status(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return ExecutionResult.fromJson(reply.body()).status();
    }

    /** Waits until the gauge {@code name} reads {@code value} (at most 10 s). */
    static void awaitGauge(Http http, String name, long value) throws InterruptedException {
        Pattern pattern = Pattern.compile("(?m)^" + name + " (\\d+)$");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(http.get("/metrics").body());
            if (m.find() && Long.parseLong(m.group(1)) == value) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(name + " never reached " + value);
    }
}
