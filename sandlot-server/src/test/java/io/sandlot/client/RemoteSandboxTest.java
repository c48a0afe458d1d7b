package io.sandlot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.PerLanguage;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.SandboxException;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.server.SandboxServer;
import io.sandlot.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Java client against a real server on loopback: the same interface and behaviour as the embedded sandbox. */
class RemoteSandboxTest {

    private static SandboxServer server;
    private static RemoteSandbox remote;
    private static Sandbox embedded;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).build().start();
        remote = RemoteSandbox.newBuilder(server.uri()).token(TestServers.ALPHA).build();
        embedded = TestServers.FACTORY.newSandbox();
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_givesTheSameResultAsEmbedded(Language language) {
        String code = PerLanguage.of(Language.JS, "console.log('n=' + n); ({sq: n * n, xs: [1, 'two', null]})",
                Language.PYTHON, "print(f'n={n}')\n{'sq': n * n, 'xs': [1, 'two', None]}").get(language);

        ExecutionResult local = embedded.execute(language, code, Map.of("n", 12));
        ExecutionResult overHttp = remote.execute(language, code, Map.of("n", 12));

        assertThat(overHttp.status()).isEqualTo(Status.OK);
        assertThat(overHttp.value()).isEqualTo(local.value()).isEqualTo(Map.of("sq", 144L, "xs", java.util.Arrays.asList(1L, "two", null)));
        assertThat(overHttp.stdout()).isEqualTo(local.stdout());
    }

    @Test
    void execute_limitsOfTheRequestApply() {
        ExecutionResult result = remote.execute(ExecutionRequest.newBuilder(Language.JS, "while (true) {}")
                .limits(Limits.newBuilder().timeoutMs(200).build()).build());

        assertThat(result.status()).isEqualTo(Status.TIMEOUT);
        assertThat(result.error().message()).contains("200 ms");
    }

    @Test
    void execute_invalidRequest_throwsIllegalArgumentExceptionWithTheServersMessage() {
        ExecutionRequest tooLong = ExecutionRequest.newBuilder(Language.JS, "1")
                .limits(Limits.newBuilder().timeoutMs(3_600_000).build()).build();

        assertThatThrownBy(() -> remote.execute(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limits.timeoutMs=3600000 is above the server's maximum of 60000");
    }

    @Test
    void submit_completesWithTheResult() throws Exception {
        CompletableFuture<ExecutionResult> future = remote.submit(ExecutionRequest.of(Language.JS, "[1, 2].length"));

        assertThat(future.get().value()).isEqualTo(2L);
    }

    @Test
    void wrongToken_throwsSandboxException() {
        try (RemoteSandbox stranger = RemoteSandbox.newBuilder(server.uri()).token("wrong-token-123").build()) {
            assertThatThrownBy(() -> stranger.execute(Language.JS, "1")).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("401");
        }
    }

    @Test
    void unreachableServer_throwsSandboxException() {
        try (RemoteSandbox nowhere = RemoteSandbox.newBuilder(java.net.URI.create("http://127.0.0.1:9")).build()) {
            assertThatThrownBy(() -> nowhere.execute(Language.JS, "1")).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("cannot reach");
            CompletableFuture<ExecutionResult> future = nowhere.submit(ExecutionRequest.of(Language.JS, "1"));
            assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SandboxException.class);
        }
    }

    @Test
    void policy_isTheServersDefaults() {
        Policy policy = remote.policy();

        assertThat(policy.languages()).containsExactlyInAnyOrder(Language.values());
        assertThat(policy.limits()).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void compileFormula_isUnsupported() {
        assertThatThrownBy(() -> remote.compileFormula(Language.JS, "a + b", "a", "b"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("RemoteSandbox");
    }

    @Test
    void session_holdsStateAndFilesAndIsInvisibleToAnotherToken() {
        try (RemoteSandbox other = RemoteSandbox.newBuilder(server.uri()).token(TestServers.BETA).build();
                Session session = remote.openSession(Language.PYTHON)) {
            session.writeFile("in/data.csv", "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));

            ExecutionResult read = session.execute("""
                    import csv
                    rows = list(csv.DictReader(open('in/data.csv')))
                    total = sum(int(r['b']) for r in rows)
                    with open('total.txt', 'w') as f:
                        f.write(str(total))
                    len(rows)
                    """);
            ExecutionResult kept = session.execute("total * k", Map.of("k", 10));

            assertThat(read.status()).as(read.toJson()).isEqualTo(Status.OK);
            assertThat(kept.value()).isEqualTo(60L);
            assertThat(session.readFile("total.txt").map(b -> new String(b, StandardCharsets.UTF_8))).contains("6");
            assertThat(session.readFile("/work/total.txt").map(b -> new String(b, StandardCharsets.UTF_8)))
                    .contains("6");
            assertThat(session.listFiles()).extracting(Session.FileInfo::path)
                    .containsExactly("/work/in/data.csv", "/work/total.txt");
            assertThat(session.isOpen()).isTrue();
            assertThat(session.idleMillis()).isGreaterThanOrEqualTo(0);
            assertThat(other.send(other.get("v1/sessions/" + session.id())).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void session_missingFile_isEmptyAndDeleteSaysFalse() {
        try (Session session = remote.openSession(Language.JS)) {
            assertThat(session.readFile("nothing.txt")).isEqualTo(Optional.empty());
            assertThat(session.deleteFile("nothing.txt")).isFalse();
            session.writeFile("x.txt", new byte[] {1, 2, 3});
            assertThat(session.deleteFile("x.txt")).isTrue();
        }
    }

    @Test
    void session_pathLeavingTheTree_throwsIllegalArgumentException() {
        try (Session session = remote.openSession(Language.JS)) {
            assertThatThrownBy(() -> session.writeFile("../../etc/passwd", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escapes");
        }
    }

    @Test
    void session_afterClose_executesAsCancelledAndIsNotOpen() {
        Session session = remote.openSession(Language.JS, Limits.newBuilder().timeoutMs(1000).build(),
                Duration.ofMinutes(1));
        session.close();
        session.close();

        assertThat(session.isOpen()).isFalse();
        assertThat(session.execute("1").status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void session_deletedOnTheServer_executesAsCancelledAndFileOpsThrow() {
        Session session = remote.openSession(Language.JS);
        remote.send(remote.request("v1/sessions/" + session.id()).DELETE().build());

        assertThat(session.execute("1").status()).isEqualTo(Status.CANCELLED);
        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() -> session.writeFile("a.txt", new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overloadedServer_isRetriedAfterRetryAfter() throws Exception {
        try (SandboxServer small = TestServers.builder().maxConcurrency(1).queueSize(1).build().start();
                RemoteSandbox client = RemoteSandbox.newBuilder(small.uri()).maxRetries(5).build()) {
            ExecutionRequest spin = ExecutionRequest.newBuilder(Language.JS, "while (true) {}")
                    .limits(Limits.newBuilder().timeoutMs(700).build()).build();
            List<CompletableFuture<ExecutionResult>> futures = List.of(client.submit(spin), client.submit(spin),
                    client.submit(spin), client.submit(ExecutionRequest.of(Language.JS, "'done'")));

            for (CompletableFuture<ExecutionResult> future : futures) {
                assertThat(future.get().status()).isIn(Status.TIMEOUT, Status.OK);
            }
            assertThat(futures.get(3).get().value()).isEqualTo("done");
        }
    }

    /** The client as a drop-in: code written against {@link Sandbox} runs unchanged on either. */
    @Test
    void sandboxInterface_embeddedAndRemoteAreInterchangeable() {
        for (Sandbox sandbox : List.of(embedded, (Sandbox) remote)) {
            assertThat(sandbox.execute(Language.PYTHON, "sum(xs)", Map.of("xs", List.of(1, 2, 3))).value())
                    .isEqualTo(6L);
        }
    }
}
