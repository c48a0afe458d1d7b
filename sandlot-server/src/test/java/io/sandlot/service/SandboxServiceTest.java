package io.sandlot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Status;
import io.sandlot.server.TestServers;
import io.sandlot.service.ServiceException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The service core without a transport: ownership, caps, maximums, interrupt, restart, files, shutdown. */
class SandboxServiceTest {

    private static final String ALPHA = "tenant-1";
    private static final String BETA = "tenant-2";

    private final ServiceConfig config = ServiceConfig.newBuilder().factory(TestServers.FACTORY).maxConcurrency(2)
            .tenants(2).sessionsPerTenant(2).maxSessions(3).maxSessionTtl(Duration.ofMinutes(5))
            .sessionTtl(Duration.ofMinutes(1)).maxLimits(Limits.newBuilder(ServiceConfig.DEFAULT_MAX_LIMITS)
                    .timeoutMs(30_000).build())
            .build();
    private SandboxService service = new SandboxService(config, ServiceObserver.NONE);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void execute_limitAboveMaximum_isBadRequestNamingTheLimit() {
        ExecutionRequest request = ExecutionRequest.newBuilder(Language.JS, "1")
                .limits(Limits.newBuilder().timeoutMs(30_001).build()).build();

        assertThatThrownBy(() -> service.execute(ALPHA, request))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST))
                .hasMessage("limits.timeoutMs=30001 is above the server's maximum of 30000");
    }

    @Test
    void execute_limitTurnedOff_exceedsAnyMaximum() {
        ExecutionRequest request = ExecutionRequest.newBuilder(Language.JS, "1")
                .limits(Limits.newBuilder().timeoutMs(0).build()).build();

        assertThatThrownBy(() -> service.execute(ALPHA, request)).hasMessageContaining("timeoutMs=0 (off)");
    }

    @Test
    void execute_withinMaximums_returnsTheResult() {
        ExecutionResult result = service.execute(ALPHA, ExecutionRequest.of(Language.JS, "6 * 7"));

        assertThat(result.value()).as(result.toJson()).isEqualTo(42L);
    }

    @Test
    void createSession_ttlAboveMaximum_isBadRequest() {
        SessionSpec spec = new SessionSpec(Language.JS, Optional.empty(), Optional.of(Duration.ofMinutes(6)));

        assertThatThrownBy(() -> service.createSession(ALPHA, spec))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST))
                .hasMessageContaining("from 1 to 300");
    }

    @Test
    void createSession_chosenId_isTheSessionsId() {
        String id = "0b8f3c2e-6a41-4d7e-9c55-2f1d0e7a9b13";

        SessionInfo session = service.createSession(ALPHA, SessionSpec.of(Language.JS).withId(id));

        assertThat(session.id()).isEqualTo(id);
        assertThat(service.executeInSession(ALPHA, id, "6 * 7", Map.of()).value()).isEqualTo(42L);
    }

    @Test
    void createSession_chosenIdTaken_isConflictEvenForAnotherTenant() {
        String id = "kernel-1";
        service.createSession(ALPHA, SessionSpec.of(Language.JS).withId(id));

        assertThatThrownBy(() -> service.createSession(BETA, SessionSpec.of(Language.JS).withId(id)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.reason()).isEqualTo("session_exists");
                });
        assertThatThrownBy(() -> service.session(BETA, id)).isInstanceOf(ServiceException.class);
    }

    @Test
    void sessionSpec_malformedId_isRefused() {
        assertThatThrownBy(() -> SessionSpec.of(Language.JS).withId("../x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../x'");
    }

    @Test
    void createSession_tenantAtItsCap_isTooMany() {
        service.createSession(ALPHA, SessionSpec.of(Language.JS));
        service.createSession(ALPHA, SessionSpec.of(Language.JS));

        assertThatThrownBy(() -> service.createSession(ALPHA, SessionSpec.of(Language.JS)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY);
                    assertThat(e.reason()).isEqualTo("too_many_sessions");
                });
    }

    @Test
    void createSession_serviceAtItsCap_isOverloadedWithRetryAfter() {
        service.createSession(ALPHA, SessionSpec.of(Language.JS));
        service.createSession(ALPHA, SessionSpec.of(Language.JS));
        service.createSession(BETA, SessionSpec.of(Language.JS));

        assertThatThrownBy(() -> service.createSession(BETA, SessionSpec.of(Language.JS)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.OVERLOADED);
                    assertThat(e.retryAfterSeconds()).isPresent();
                });
    }

    @Test
    void session_ofAnotherTenant_isNotFound() {
        SessionInfo session = service.createSession(ALPHA, SessionSpec.of(Language.JS));

        assertThatThrownBy(() -> service.session(BETA, session.id()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.reason()).isEqualTo("session_not_found");
                });
        assertThat(service.sessions(BETA)).isEmpty();
        assertThat(service.sessions(ALPHA)).extracting(SessionInfo::id).containsExactly(session.id());
    }

    @Test
    void deleteSession_thenGet_isNotFound() {
        SessionInfo session = service.createSession(ALPHA, SessionSpec.of(Language.JS));

        service.deleteSession(ALPHA, session.id());

        assertThatThrownBy(() -> service.session(ALPHA, session.id())).isInstanceOf(ServiceException.class);
    }

    @Test
    void createSession_withNodeId_idNamesTheNodeAndThisRun() {
        try (SandboxService node = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r1").build(),
                ServiceObserver.NONE)) {
            SessionInfo session = node.createSession(ALPHA, SessionSpec.of(Language.JS));

            assertThat(session.id()).startsWith("r1." + node.node().orElseThrow().boot() + ".")
                    .matches("r1\\.[a-z0-9]{6}\\.[A-Za-z0-9_-]{16,}");
            node.executeInSession(ALPHA, session.id(), "globalThis.x = 41", Map.of());
            assertThat(node.executeInSession(ALPHA, session.id(), "x + 1", Map.of()).value()).isEqualTo(42L);
        }
    }

    @Test
    void createSession_withNodeIdAndAChosenId_keepsTheChosenId() {
        String id = "0b8f3c2e-6a41-4d7e-9c55-2f1d0e7a9b13";
        try (SandboxService node = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r1").build(),
                ServiceObserver.NONE)) {
            SessionSpec spec = new SessionSpec(Language.JS, Optional.empty(), Optional.empty(), Optional.of(id));

            assertThat(node.createSession(ALPHA, spec).id()).isEqualTo(id);
            node.deleteSession(ALPHA, id);
            assertThatThrownBy(() -> node.session(ALPHA, id)).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        }
    }

    @Test
    void session_ofAnotherNode_isGoneSessionLost() {
        String id;
        try (SandboxService r1 = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r1").build(),
                ServiceObserver.NONE)) {
            id = r1.createSession(ALPHA, SessionSpec.of(Language.JS)).id();
        }
        try (SandboxService r2 = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r2").build(),
                ServiceObserver.NONE)) {
            assertThatThrownBy(() -> r2.executeInSession(ALPHA, id, "1", Map.of()))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.GONE);
                        assertThat(e.reason()).isEqualTo("session_lost");
                    })
                    .hasMessageContaining("belongs to node 'r1', not to this node ('r2')");
        }
    }

    @Test
    void session_ofThisNodeBeforeItRestarted_isGoneSayingItRestarted() {
        String id;
        try (SandboxService before = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r1").build(),
                ServiceObserver.NONE)) {
            id = before.createSession(ALPHA, SessionSpec.of(Language.JS)).id();
        }
        try (SandboxService after = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r1").build(),
                ServiceObserver.NONE)) {
            assertThatThrownBy(() -> after.session(ALPHA, id))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.GONE))
                    .hasMessage("session '" + id + "' was lost when node 'r1' restarted (it was made by an earlier "
                            + "run of the node); create a new session");
        }
    }

    @Test
    void session_ofThisRunDeleted_isNotFoundNotGone() {
        try (SandboxService node = new SandboxService(ServiceConfig.newBuilder(config).nodeId("r1").build(),
                ServiceObserver.NONE)) {
            String id = node.createSession(ALPHA, SessionSpec.of(Language.JS)).id();
            node.deleteSession(ALPHA, id);

            assertThatThrownBy(() -> node.session(ALPHA, id)).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.reason()).isEqualTo("session_not_found"));
            assertThatThrownBy(() -> node.session(BETA, id + "x")).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void restart_keepsIdAndLimits_dropsVariablesAndFiles(Language language) {
        Limits limits = Limits.newBuilder().timeoutMs(5_000).build();
        SessionInfo session = service.createSession(ALPHA,
                new SessionSpec(language, Optional.of(limits), Optional.empty()));
        service.executeInSession(ALPHA, session.id(), "kept = 41", Map.of());
        service.putFile(ALPHA, session.id(), "data.txt", "x".getBytes(StandardCharsets.UTF_8));

        SessionInfo restarted = service.restart(ALPHA, session.id());

        assertThat(restarted.id()).isEqualTo(session.id());
        assertThat(restarted.limits()).isEqualTo(limits);
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(service.executeInSession(ALPHA, session.id(), "kept", Map.of()).status())
                .isEqualTo(Status.ERROR);
        assertThat(service.listFiles(ALPHA, session.id()).files()).isEmpty();
        assertThat(service.executeInSession(ALPHA, session.id(), "1 + 1", Map.of()).value()).isEqualTo(2L);
    }

    @Test
    void restart_ofAnotherTenantsSession_isNotFound() {
        SessionInfo session = service.createSession(ALPHA, SessionSpec.of(Language.JS));

        assertThatThrownBy(() -> service.restart(BETA, session.id()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void interrupt_runningExecution_stopsItAndTheSessionLivesOn() throws Exception {
        FakeSandbox sandbox = new FakeSandbox();
        service.close();
        service = new SandboxService(config, ServiceObserver.NONE, factory -> sandbox);
        String id = service.createSession(ALPHA, SessionSpec.of(Language.PYTHON)).id();
        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(
                () -> service.executeInSession(ALPHA, id, "block", Map.of()));
        assertThat(sandbox.opened.get(0).started.await(10, TimeUnit.SECONDS)).isTrue();

        boolean interrupted = service.interrupt(ALPHA, id);

        assertThat(interrupted).isTrue();
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.CANCELLED);
        assertThat(service.session(ALPHA, id).open()).isTrue();
        assertThat(service.executeInSession(ALPHA, id, "1", Map.of()).status()).isEqualTo(Status.OK);
    }

    @Test
    void interrupt_idleSession_returnsFalse() {
        service.close();
        service = new SandboxService(config, ServiceObserver.NONE, factory -> new FakeSandbox());
        String id = service.createSession(ALPHA, SessionSpec.of(Language.JS)).id();

        assertThat(service.interrupt(ALPHA, id)).isFalse();
    }

    @Test
    void executeInSession_whileAnotherRuns_isConflict() throws Exception {
        FakeSandbox sandbox = new FakeSandbox();
        service.close();
        // one tenant, so that the second request is not queued behind the tenant's share of the slots
        service = new SandboxService(ServiceConfig.newBuilder(config).tenants(1).build(), ServiceObserver.NONE,
                factory -> sandbox);
        String id = service.createSession(ALPHA, SessionSpec.of(Language.JS)).id();
        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(
                () -> service.executeInSession(ALPHA, id, "block", Map.of()));
        assertThat(sandbox.opened.get(0).started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> service.executeInSession(ALPHA, id, "1", Map.of()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.reason()).isEqualTo("session_busy");
                });
        service.interrupt(ALPHA, id);
        running.get(10, TimeUnit.SECONDS);
    }

    @Test
    void restart_whileAnExecutionRuns_cancelsIt() throws Exception {
        FakeSandbox sandbox = new FakeSandbox();
        service.close();
        service = new SandboxService(config, ServiceObserver.NONE, factory -> sandbox);
        String id = service.createSession(ALPHA, SessionSpec.of(Language.JS)).id();
        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(
                () -> service.executeInSession(ALPHA, id, "block", Map.of()));
        assertThat(sandbox.opened.get(0).started.await(10, TimeUnit.SECONDS)).isTrue();

        service.restart(ALPHA, id);

        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.CANCELLED);
        assertThat(sandbox.opened).hasSize(2);
        assertThat(service.executeInSession(ALPHA, id, "1", Map.of()).status()).isEqualTo(Status.OK);
    }

    @Test
    void start_sessionIdlePastItsTtl_isClosedAndReportedExpired() throws InterruptedException {
        List<String> closed = new CopyOnWriteArrayList<>();
        ServiceObserver observer = new ServiceObserver() {
            @Override
            public void sessionClosed(String reason) {
                closed.add(reason);
            }
        };
        service.close();
        service = new SandboxService(ServiceConfig.newBuilder(config).sessionSweepInterval(Duration.ofMillis(50))
                .build(), observer, factory -> new FakeSandbox()).start();
        String id = service.createSession(ALPHA,
                new SessionSpec(Language.JS, Optional.empty(), Optional.of(Duration.ofSeconds(1)))).id();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(closed).containsExactly("expired");
        assertThatThrownBy(() -> service.session(ALPHA, id)).isInstanceOf(ServiceException.class);
    }

    @Test
    void getFile_missing_isNotFoundNamingTheFile() {
        String id = service.createSession(ALPHA, SessionSpec.of(Language.JS)).id();

        assertThatThrownBy(() -> service.getFile(ALPHA, id, "missing.txt"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.reason()).isEqualTo("file_not_found");
                })
                .hasMessageContaining("missing.txt");
    }

    @Test
    void putFile_thenGetAndList_returnsItsBytes() {
        String id = service.createSession(ALPHA, SessionSpec.of(Language.JS)).id();

        service.putFile(ALPHA, id, "a.txt", new byte[] {1, 2, 3});

        assertThat(service.getFile(ALPHA, id, "a.txt")).containsExactly(1, 2, 3);
        SessionFiles files = service.listFiles(ALPHA, id);
        assertThat(files.totalBytes()).isEqualTo(3);
        assertThat(files.quotaBytes()).isEqualTo(config.sessionFileQuotaBytes());
    }

    @Test
    void shutdown_refusesNewWorkAsUnavailable() {
        service.shutdown();

        assertThatThrownBy(() -> service.execute(ALPHA, ExecutionRequest.of(Language.JS, "1")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.reason()).isEqualTo("stopping");
                });
    }
}
