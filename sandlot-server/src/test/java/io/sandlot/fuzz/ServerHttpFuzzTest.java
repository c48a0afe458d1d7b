package io.sandlot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sandlot.server.SandboxServer;
import io.sandlot.server.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP service itself under random and mutated requests, sent as raw bytes over loopback so that nothing on the
 * client side tidies them up: request lines, headers, bodies and session file paths. Every request gets an answer
 * below 500, a 505 (a request line whose HTTP version is missing or unknown: a refusal of the protocol, not a server
 * fault), or a closed connection; the server stays healthy, and no file path, however built, lands anywhere but
 * normalised in the session's in-memory tree: never on the host.
 */
class ServerHttpFuzzTest {

    private static final int REQUESTS = 1_500;
    private static final int FILE_PATHS = 600;
    private static final Duration BUDGET = Duration.ofSeconds(120);
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
    private static final List<String> TEMPLATES = List.of(
            request("POST", "/v1/execute", "{\"language\":\"js\",\"code\":\"6 * 7\",\"inputs\":{\"x\":[1,2]},"
                    + "\"limits\":{\"timeoutMs\":2000,\"maxStatements\":10000}}"),
            request("POST", "/v1/sessions", "{\"language\":\"js\",\"ttlSeconds\":60,\"limits\":{\"timeoutMs\":2000}}"),
            request("GET", "/v1/sessions", null),
            request("GET", "/v1/info", null),
            request("DELETE", "/v1/sessions/0123456789abcdef", null),
            request("PUT", "/v1/sessions/0123456789abcdef/files/a/b.txt", "hello"));
    /** Path segments that try to leave the tree, confuse decoding or name the host. */
    private static final List<String> SEGMENTS = List.of("..", ".", "%2e%2e", "%2E%2e", "..%2f..", "%2f", "%5c",
            "..\\..", "", "a", "data.csv", "%00", "nul%00.txt", "%c0%ae%c0%ae", "%252e%252e", "~", "etc", "passwd",
            "tmp", "%e4%b8%ad", "%ff%fe", "x".repeat(300), "con", "a:b", "*", "%20", ";", "?x=1", "#f");

    private static SandboxServer server;
    private static Path hostDir;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.builder().sessionFileQuotaBytes(1 << 20).build().start();
        hostDir = Files.createTempDirectory("sandlot-fuzz-");
        Files.writeString(hostDir.resolve("sentinel.txt"), "sentinel");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(hostDir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void randomAndMutatedRequests_answeredBelow500OrClosed_andTheServerStaysHealthy() {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < REQUESTS; i++) {
                String text = switch (i % 5) {
                    case 0 -> Fuzz.nastyString(random, 200);
                    case 1 -> Fuzz.pick(random, TEMPLATES);
                    default -> Fuzz.mutate(random, Fuzz.pick(random, TEMPLATES));
                };
                String replay = Fuzz.replay(seed, i, text);
                Integer status = send(text);
                assertNoServerFault(status, replay);
                if (i % 100 == 99) {
                    assertHealthy(replay);
                }
            }
        }, () -> "fuzzing the server took longer than " + BUDGET + " (seed " + seed + ")");
        assertHealthy("after the run");
    }

    @Test
    void fileUploadsUnderHostilePaths_stayInsideTheSessionTree() throws IOException {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        String marker = "sandlot-fuzz-" + UUID.randomUUID();
        TestServers.Http http = new TestServers.Http(server.uri(), null);
        for (Object session : TestServers.list(http.get("/v1/sessions").json().get("sessions"))) {
            http.delete("/v1/sessions/" + TestServers.map(session).get("id"));   // the other test's, if it ran first
        }
        TestServers.Reply created = http.postJson("/v1/sessions", Map.of("language", "js"));
        assertThat(created.status()).as("session created: %s", created).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < FILE_PATHS; i++) {
                StringBuilder path = new StringBuilder();
                for (int n = 1 + random.nextInt(6); n > 0; n--) {
                    String segment = random.nextInt(8) == 0 ? hostDir.toString().substring(1)
                            : random.nextInt(8) == 0 ? Fuzz.nastyString(random, 12) : Fuzz.pick(random, SEGMENTS);
                    path.append(segment).append(random.nextInt(6) == 0 ? "//" : "/");
                }
                path.append(marker);
                String target = "/v1/sessions/" + id + "/files/" + path;
                String replay = Fuzz.replay(seed, i, target);
                Integer status = send(request("PUT", target, "x"));
                assertNoServerFault(status, replay);
            }
        });

        TestServers.Reply listing = http.get("/v1/sessions/" + id + "/files");
        assertThat(listing.status()).as("the listing: %s", listing).isEqualTo(200);
        List<Object> files = TestServers.list(listing.json().get("files"));
        for (Object file : files) {
            String path = String.valueOf(TestServers.map(file).get("path"));
            // The session's tree is the guest's whole (virtual) file system; relative paths start at /work.
            assertThat(path).as("a stored path is absolute in the tree").startsWith("/");
            assertThat(List.of(path.substring(1).split("/", -1)))
                    .as("a stored path is normalised: %s", path).doesNotContain("..", ".", "");
        }
        try (Stream<Path> onHost = Files.walk(hostDir)) {
            assertThat(onHost.filter(Files::isRegularFile)).containsExactly(hostDir.resolve("sentinel.txt"));
        }
        for (Path dir : List.of(Path.of("/tmp"), Path.of(System.getProperty("java.io.tmpdir")),
                Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")))) {
            try (Stream<Path> listed = Files.list(dir)) {
                assertThat(listed.map(p -> p.getFileName().toString()).filter(n -> n.contains(marker)))
                        .as("files named by the uploads in %s", dir).isEmpty();
            }
        }
        assertHealthy("after the uploads");
    }

    /** An answer below 500, a 505 (the request line's HTTP version is missing or unknown), or none. */
    private static void assertNoServerFault(Integer status, String replay) {
        if (status != null && status != 505) {
            assertThat(status).as(replay).isBetween(200, 499);
        }
    }

    private static void assertHealthy(String when) {
        TestServers.Http http = new TestServers.Http(server.uri(), null);
        assertThat(http.get("/v1/health").status()).as("health, " + when).isEqualTo(200);
        TestServers.Reply reply = http.postJson("/v1/execute", Map.of("language", "js", "code", "6 * 7"));
        assertThat(reply.json().get("value")).as("a benign execution, %s: %s", when, reply).isEqualTo(42L);
    }

    /** A request with {@code Connection: close} and a correct {@code Content-Length}, before any mutation. */
    private static String request(String method, String target, String body) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        if (body == null) {
            return head + "\r\n";
        }
        return head + "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /**
     * Sends {@code text} as it is and returns the answer's status, or null if the server closed or reset the
     * connection without one (what it does with a request it cannot parse at all).
     */
    private static Integer send(String text) {
        String answer;
        try {
            answer = TestServers.raw(server.port(), text);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                throw new AssertionError("no answer within 30 s to " + Fuzz.show(text), e);
            }
            if (String.valueOf(e.getCause().getMessage()).contains("Connection reset")) {
                return null;
            }
            throw e;
        }
        if (answer.isEmpty()) {
            return null;
        }
        Matcher status = STATUS_LINE.matcher(answer);
        assertThat(status.find()).as("a status line: %s", Fuzz.show(answer)).isTrue();
        return Integer.parseInt(status.group(1));
    }
}
