package io.sandlot.server;

import static io.sandlot.server.ServerSaturationTest.async;
import static io.sandlot.server.ServerSaturationTest.awaitGauge;
import static io.sandlot.server.ServerSaturationTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Status;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One tenant's infinite loops never stall another tenant: a tenant may hold all slots but one, and a freed slot
 * goes to the tenants in turn. The bound checked here (2 s) is a correctness bound, far below the 5 s the spinning
 * guests hold their slots; without fair admission the other tenant would wait for them.
 */
class ServerTenantsTest {

    private static final Map<String, Object> SPIN = Map.of("language", "js", "code", "while (true) {}",
            "limits", Map.of("timeoutMs", 5000));

    @Test
    void tenantSpinningInEverySlotItMayHave_doesNotDelayAnotherTenant() throws Exception {
        try (SandboxServer server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA))
                .maxConcurrency(3).build().start()) {
            Http alpha = new Http(server.uri(), TestServers.ALPHA);
            Http beta = alpha.as(TestServers.BETA);
            beta.postJson("/v1/execute", Map.of("language", "js", "code", "0"));
            List<CompletableFuture<Reply>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(async(alpha, SPIN));
            }
            awaitGauge(alpha, "sandlot_executions_running", 2);
            awaitGauge(alpha, "sandlot_queue_depth", 2);

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Reply reply = beta.postJson("/v1/execute", Map.of("language", "js", "code", "1 + " + i));
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(status(reply)).isEqualTo(Status.OK);
            }

            assertThat(millis).as("beta's latencies while alpha spins").allSatisfy(ms -> assertThat(ms).isLessThan(2000));
            assertThat(alpha.get("/metrics").body()).contains("sandlot_queue_depth 2");
            for (CompletableFuture<Reply> loop : loops) {
                assertThat(status(loop.get())).isEqualTo(Status.TIMEOUT);
            }
        }
    }

    @Test
    void freedSlots_goToTenantsInTurn() throws Exception {
        try (SandboxServer server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA))
                .maxConcurrency(1).tenantConcurrency(1).queueSize(8).build().start()) {
            Http alpha = new Http(server.uri(), TestServers.ALPHA);
            Http beta = alpha.as(TestServers.BETA);
            Map<String, Object> shortSpin = Map.of("language", "js", "code", "while (true) {}",
                    "limits", Map.of("timeoutMs", 300));
            CompletableFuture<Reply> first = async(alpha, shortSpin);
            awaitGauge(alpha, "sandlot_executions_running", 1);
            List<CompletableFuture<Reply>> alphaQueued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                alphaQueued.add(async(alpha, shortSpin));
            }
            awaitGauge(alpha, "sandlot_queue_depth", 3);

            long start = System.nanoTime();
            Reply betaReply = beta.postJson("/v1/execute", Map.of("language", "js", "code", "1"));
            long betaMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(status(betaReply)).isEqualTo(Status.OK);
            assertThat(betaMillis).as("beta waits for the running guest only, not alpha's queue").isLessThan(900);
            first.get();
            for (CompletableFuture<Reply> queued : alphaQueued) {
                queued.get();
            }
        }
    }
}
