package io.sandlot.server;

import static io.sandlot.server.ServerSaturationTest.awaitGauge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.ExecutionResult;
import io.sandlot.Limits;
import io.sandlot.Status;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: stop accepting, let running executions finish within the bound, cancel the rest, return. */
class ServerShutdownTest {

    /** Spins for about {@code ms} of wall time, then answers 7 (no memory limit: the clock calls allocate). */
    private static Map<String, Object> busy(long ms, long timeoutMs) {
        return Map.of("language", "js", "code", "const t = Date.now(); while (Date.now() - t < " + ms + ") {} 7",
                "limits", Map.of("timeoutMs", timeoutMs, "maxMemoryMb", 0));
    }

    private static SandboxServer.Builder builder() {
        return TestServers.builder().maxLimits(Limits.newBuilder(SandboxServer.DEFAULT_MAX_LIMITS).maxMemoryMb(0).build());
    }

    @Test
    void stop_letsARunningExecutionFinishAndStopsAccepting() throws Exception {
        SandboxServer server = builder().build().start();
        Http http = new Http(server.uri(), null);
        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> http.postJson("/v1/execute", busy(1500, 20_000)));
        awaitGauge(http, "sandlot_executions_running", 1);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
        Thread.sleep(200);

        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(ConnectException.class);
        Reply reply = inFlight.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(reply.body()).value()).as(reply.body()).isEqualTo(7L);
        stopped.get();
        server.awaitTermination();
    }

    @Test
    void stop_cancelsExecutionsStillRunningAfterTheBound() throws Exception {
        SandboxServer server = builder().build().start();
        Http http = new Http(server.uri(), null);
        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                () -> http.postJson("/v1/execute", busy(30_000, 40_000)));
        awaitGauge(http, "sandlot_executions_running", 1);

        long start = System.nanoTime();
        server.stop(Duration.ofMillis(500));
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        Reply reply = inFlight.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(ExecutionResult.fromJson(reply.body()).status()).isEqualTo(Status.CANCELLED);
        assertThat(stopMillis).isLessThan(5_000);
    }

    @Test
    void stop_answersQueuedRequestsWith503() throws Exception {
        SandboxServer server = builder().maxConcurrency(1).build().start();
        Http http = new Http(server.uri(), null);
        CompletableFuture<Reply> running = CompletableFuture.supplyAsync(() -> http.postJson("/v1/execute", busy(1000, 20_000)));
        awaitGauge(http, "sandlot_executions_running", 1);
        CompletableFuture<Reply> queued = CompletableFuture.supplyAsync(() -> http.postJson("/v1/execute", busy(10, 20_000)));
        awaitGauge(http, "sandlot_queue_depth", 1);

        server.stop(Duration.ofSeconds(10));

        assertThat(queued.get().status()).isEqualTo(503);
        assertThat(queued.get().json().get("error")).isEqualTo("stopping");
        assertThat(running.get().status()).isEqualTo(200);
    }
}
