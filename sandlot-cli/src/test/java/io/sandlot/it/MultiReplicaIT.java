package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Session;
import io.sandlot.SessionLostException;
import io.sandlot.Status;
import io.sandlot.client.RemoteSandbox;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code ./sandbox serve} replicas on loopback behind HAProxy with the configuration of
 * {@code deploy/haproxy/generate}: sessions and kernels keep their state through the load balancer, stateless
 * requests spread over every replica, kernels with client-chosen ids and MCP sessions stick to one replica, a fourth
 * replica moves no session, and killing one gives 410
 * {@code session_lost} for exactly its sessions (a {@link SessionLostException} in the Java client) while the others
 * keep theirs, and when it comes back under the same name its old sessions are lost in the restart. Prints the
 * figures.
 */
class MultiReplicaIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String LAUNCHER = System.getProperty("sandlot.launcher", "./sandbox");
    private static final String TOKEN = "it-multi-replica-token-01";
    private static final int SESSIONS = 12;
    private static final int STATELESS = 30;

    @Test
    void sessionsFollowTheirOwner_statelessSpreads_scaleOutKeepsAll_deadReplicaIsSessionLost(@TempDir Path dir)
            throws Exception {
        List<Replica> replicas = new ArrayList<>();
        try {
            for (String node : List.of("r1", "r2", "r3")) {
                replicas.add(Replica.start(BASEDIR, LAUNCHER, node, TOKEN));   // in parallel: uri() waits
            }
            replicas.forEach(Replica::uri);
            try (HaProxy proxy = HaProxy.start(BASEDIR, dir, replicas);
                    RemoteSandbox client = RemoteSandbox.newBuilder(proxy.uri()).token(TOKEN).build()) {
                Http http = new Http(proxy.uri(), TOKEN);

                // Sessions through the load balancer: each on one replica, each keeps its state.
                Map<Session, Long> sessions = new LinkedHashMap<>();
                for (long i = 1; i <= SESSIONS; i++) {
                    Session session = client.openSession(Language.JS);
                    assertThat(session.execute("globalThis.n = " + i + "; n").value()).isEqualTo(i);
                    sessions.put(session, i);
                }
                Map<String, Long> owners = owners(sessions.keySet());
                System.out.println("MultiReplicaIT: " + SESSIONS + " sessions by owner: " + owners);
                assertThat(owners.keySet()).containsExactly("r1", "r2", "r3");
                for (int round = 1; round <= 3; round++) {
                    assertStateKept(sessions, round);
                }

                // A kernel, its REST model and its WebSocket reach its owner every time.
                String kernel = http.post("/api/kernels", "{\"name\": \"javascript\"}").json().get("id").toString();
                for (int i = 0; i < 6; i++) {
                    assertThat(http.get("/api/kernels/" + kernel).status()).isEqualTo(200);
                    openChannels(proxy.uri(), kernel).abort();
                }
                System.out.println("MultiReplicaIT: kernel " + kernel + ": 6 models and 6 WebSockets reached "
                        + "its owner");

                // Ids that name no owner follow the stick table: a kernel whose id the client chose, an MCP session.
                String chosen = java.util.UUID.randomUUID().toString();
                assertThat(http.post("/api/kernels", "{\"name\": \"javascript\", \"env\": {\"KERNEL_ID\": \""
                        + chosen + "\"}}").status()).isEqualTo(201);
                for (int i = 0; i < 6; i++) {
                    assertThat(http.get("/api/kernels/" + chosen).status()).isEqualTo(200);
                    openChannels(proxy.uri(), chosen).abort();
                }
                String mcpSession = mcpInitialize(proxy.uri());
                for (int i = 0; i < 6; i++) {
                    assertThat(mcp(proxy.uri(), mcpSession, "{\"jsonrpc\": \"2.0\", \"id\": " + (i + 2)
                            + ", \"method\": \"tools/list\"}").statusCode()).isEqualTo(200);
                }
                System.out.println("MultiReplicaIT: a client-chosen kernel id and an MCP session each reached one "
                        + "replica 6 times out of 6 through the stick table");

                // Stateless executions spread over every replica (leastconn).
                Map<String, Long> before = statelessCounts(replicas);
                for (int i = 0; i < STATELESS; i++) {
                    Reply reply = http.postJson("/v1/execute", Map.of("language", "js", "code", i + " * 2"));
                    assertThat(ExecutionResult.fromJson(reply.body()).value()).isEqualTo(i * 2L);
                }
                Map<String, Long> spread = minus(statelessCounts(replicas), before);
                System.out.println("MultiReplicaIT: " + STATELESS + " stateless executions by replica: " + spread);
                assertThat(spread.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(STATELESS);
                assertThat(spread.values()).allSatisfy(count -> assertThat(count).isPositive());

                // Scale out to four: no session moves or loses its state; new sessions reach the new replica.
                Replica r4 = Replica.start(BASEDIR, LAUNCHER, "r4", TOKEN);
                replicas.add(r4);
                proxy.route(replicas);
                assertStateKept(sessions, 4);
                Map<Session, Long> later = new LinkedHashMap<>();
                for (long i = 101; i <= 108; i++) {
                    Session session = client.openSession(Language.JS);
                    session.execute("globalThis.n = " + i);
                    later.put(session, i);
                }
                System.out.println("MultiReplicaIT: after adding r4, " + SESSIONS + " earlier sessions kept their "
                        + "state; 8 new sessions by owner: " + owners(later.keySet()));
                assertThat(owners(later.keySet())).containsKey("r4");
                sessions.putAll(later);

                // Kill r2: exactly its sessions are lost (410 session_lost, SessionLostException); the rest live on.
                Replica dead = replicas.stream().filter(r -> r.node.equals("r2")).findFirst().orElseThrow();
                dead.kill();
                int lost = 0;
                int kept = 0;
                for (Map.Entry<Session, Long> entry : sessions.entrySet()) {
                    Session session = entry.getKey();
                    if (session.id().startsWith("r2.")) {
                        assertThatThrownBy(() -> session.execute("n")).isInstanceOf(SessionLostException.class)
                                .hasMessageContaining("belongs to node 'r2'");
                        Reply reply = http.get("/v1/sessions/" + session.id());
                        assertThat(reply.status()).isEqualTo(410);
                        assertThat(reply.json()).containsEntry("error", "session_lost");
                        assertThat(session.isOpen()).isFalse();
                        lost++;
                    } else {
                        assertThat(session.execute("n").value()).isEqualTo(entry.getValue());
                        kept++;
                    }
                }
                System.out.println("MultiReplicaIT: after killing r2, " + lost + " sessions of r2 answered 410 "
                        + "session_lost, " + kept + " of r1, r3 and r4 kept their state");
                assertThat(lost).isEqualTo(owners(sessions.keySet()).getOrDefault("r2", 0L).intValue()).isPositive();
                for (int i = 0; i < 9; i++) {
                    Reply reply = http.postJson("/v1/execute", Map.of("language", "js", "code", "1 + " + i));
                    assertThat(ExecutionResult.fromJson(reply.body()).status()).isEqualTo(Status.OK);
                }

                // r2 comes back under the same name (as a StatefulSet's pod does): its old sessions reach it and are
                // answered as lost in the restart.
                Replica again = Replica.start(BASEDIR, LAUNCHER, "r2", TOKEN);
                replicas.add(again);
                proxy.route(replicas.stream().filter(r -> r != dead).toList());
                Session old = sessions.keySet().stream().filter(s -> s.id().startsWith("r2.")).findFirst()
                        .orElseThrow();
                assertThatThrownBy(() -> old.execute("n")).isInstanceOf(SessionLostException.class)
                        .hasMessageContaining("was lost when node 'r2' restarted");
                Session fresh = client.openSession(Language.JS);
                System.out.println("MultiReplicaIT: r2 restarted: its old session " + old.id() + " is lost in the "
                        + "restart; a new session " + fresh.id());
                fresh.close();
                for (Session session : sessions.keySet()) {
                    session.close();
                }
            }
        } finally {
            for (Replica replica : replicas) {
                replica.close();
            }
        }
    }

    /** Each session still holds its {@code n}: {@code n * 10 + round}. */
    private static void assertStateKept(Map<Session, Long> sessions, int round) {
        sessions.forEach((session, n) -> assertThat(session.execute("n * 10 + " + round).value())
                .as("session %s, round %d", session.id(), round).isEqualTo(n * 10 + round));
    }

    private static Map<String, Long> owners(java.util.Collection<Session> sessions) {
        return sessions.stream().collect(Collectors.groupingBy(s -> s.id().substring(0, s.id().indexOf('.')),
                TreeMap::new, Collectors.counting()));
    }

    /** Stateless executions each replica has finished, from its own {@code /metrics}. */
    private static Map<String, Long> statelessCounts(List<Replica> replicas) {
        return replicas.stream().collect(Collectors.toMap(r -> r.node, r -> new Http(r.uri(), TOKEN)
                .get("/metrics").body().lines().filter(line -> line.startsWith("sandlot_executions_total{")
                        && line.contains("\"stateless\""))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum(),
                (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        return after.keySet().stream().collect(Collectors.toMap(Function.identity(),
                node -> after.get(node) - before.getOrDefault(node, 0L), (a, b) -> a, TreeMap::new));
    }

    /** Opens an MCP session through the load balancer; its {@code Mcp-Session-Id}. */
    private static String mcpInitialize(URI base) throws Exception {
        HttpResponse<String> response = mcp(base, null, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "
                + "\"initialize\", \"params\": {\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, "
                + "\"clientInfo\": {\"name\": \"MultiReplicaIT\", \"version\": \"1\"}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new AssertionError(
                "no Mcp-Session-Id in the answer to initialize: " + response.headers()));
        assertThat(mcp(base, session, "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}")
                .statusCode()).isBetween(200, 299);
        return session;
    }

    private static HttpResponse<String> mcp(URI base, String session, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("mcp"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the kernel's channels WebSocket through the load balancer; fails unless the upgrade succeeds. */
    private static WebSocket openChannels(URI base, String kernel) throws Exception {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/api/kernels/" + kernel
                + "/channels");
        try {
            return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + TOKEN)
                    .buildAsync(uri, new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the kernel's WebSocket did not open through the load balancer: "
                    + e.getCause(), e);
        }
    }
}
