package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.wire.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's OCI image as deployed: {@code deploy/build-image} builds it from this build's jar and lib (no Docker
 * daemon; podman's built-in buildah), then podman runs it the hardened way (read-only root file system, {@code /tmp}
 * a tmpfs, tokens from a mounted file) and the test talks HTTP to it: health, {@code /v1/info} with the JIT on, JS,
 * Python (with a time zone from the image's database) and SQL executions, a non-root user, and a graceful stop on
 * SIGTERM. Prints the image size, the time to health and the time to stop. Needs podman, runc and mmdebstrap
 * ({@code deploy/install-tools}, which scripts/test runs) and root, as CI has.
 */
class ContainerImageIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String IMAGE = "localhost/sandlot:dev";
    private static final Duration HEALTH_WAIT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void image_runsReadOnlyAsNonRoot_executesJsPythonAndSql_andStopsGracefully(@TempDir Path dir) throws Exception {
        long buildStart = System.nanoTime();
        Process build = run(Duration.ofMinutes(10), BASEDIR.resolve("deploy/build-image").toString());
        assertThat(build.exitValue()).as("deploy/build-image: " + out(build)).isEqualTo(0);
        long size = Long.parseLong(out(run(Duration.ofSeconds(30), "podman", "image", "inspect", "--format",
                "{{.Size}}", IMAGE)).strip());
        System.out.printf("ContainerImageIT: built %s in %d s: %d MB%n", IMAGE, seconds(buildStart), size / 1_000_000);
        assertThat(out(run(Duration.ofSeconds(30), "podman", "image", "inspect", "--format", "{{.Config.User}}",
                IMAGE)).strip()).isEqualTo("10001:10001");

        String token = "it-" + UUID.randomUUID();
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# ContainerImageIT\n" + token + "\n");
        // the server's user (uid 10001) reads it through the bind mount
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-r--r--"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String name = "sandlot-it-" + ProcessHandle.current().pid();
        URI base = URI.create("http://127.0.0.1:" + port);

        run(Duration.ofSeconds(60), "podman", "rm", "-f", name);
        long start = System.nanoTime();
        Process started = run(Duration.ofMinutes(2), "podman", "run", "-d", "--name", name, "--runtime", "runc",
                "--ulimit", "nofile=20000:20000", "--ulimit", "nproc=32768:32768",
                "--read-only", "--tmpfs", "/tmp", "-p", "127.0.0.1:" + port + ":8080",
                "-v", tokens + ":/run/secrets/sandlot-tokens:ro", IMAGE);
        try {
            assertThat(started.exitValue()).as("podman run: " + out(started)).isEqualTo(0);
            awaitHealth(base, name);
            System.out.printf("ContainerImageIT: healthy %d s after podman run%n", seconds(start));

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("/v1/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            Map<?, ?> info = (Map<?, ?>) Json.parse(get(base.resolve("/v1/info"), token));
            assertThat(info.get("jit")).as(info.toString()).isEqualTo(true);
            assertThat(info.get("implementation")).isNotEqualTo("Interpreted");

            Map<?, ?> js = execute(base, token, "{\"language\": \"js\", \"code\": "
                    + "\"[1, 2, 3].map(x => x * 2).join(',')\"}");
            assertThat(js.get("status")).as(js.toString()).isEqualTo("ok");
            assertThat(js.get("value")).isEqualTo("2,4,6");

            Map<?, ?> py = execute(base, token, "{\"language\": \"python\", \"code\": "
                    + "\"import json, re\\nprint(json.dumps({'n': len(re.findall('a', 'banana'))}))\\nsum(xs)\", "
                    + "\"inputs\": {\"xs\": [1, 2, 3]}}");
            assertThat(py.get("status")).as(py.toString()).isEqualTo("ok");
            assertThat(((Number) py.get("value")).intValue()).isEqualTo(6);
            assertThat(py.get("stdout")).isEqualTo("{\"n\": 3}\n");

            Map<?, ?> zone = execute(base, token, "{\"language\": \"python\", \"code\": "
                    + "\"from datetime import datetime\\nfrom zoneinfo import ZoneInfo\\n"
                    + "datetime(2024, 7, 1, 12, tzinfo=ZoneInfo('Europe/Berlin')).strftime('%H:%M %Z')\"}");
            assertThat(zone.get("status")).as("the image's time zone database: " + zone).isEqualTo("ok");
            assertThat(zone.get("value")).isEqualTo("12:00 CEST");

            Map<?, ?> sql = execute(base, token, "{\"language\": \"sql\", \"code\": \"SELECT 40 + 2 AS answer\"}");
            assertThat(sql.get("status")).as(sql.toString()).isEqualTo("ok");
            assertThat(String.valueOf(((Map<?, ?>) sql.get("value")).get("rows"))).isEqualTo("[[42]]");

            // The JVM (PID 1) runs as uid 10001; the root file system is read-only to it.
            Process uid = run(Duration.ofSeconds(30), "podman", "exec", name, "/bin/sh", "-c",
                    "while read -r k v rest; do [ \"$k\" = Uid: ] && echo \"$v\"; done < /proc/1/status");
            assertThat(out(uid).strip()).isEqualTo("10001");
            Process write = run(Duration.ofSeconds(30), "podman", "exec", name, "/bin/sh", "-c",
                    "echo x > /opt/sandlot/x");
            assertThat(write.exitValue()).isNotEqualTo(0);
            assertThat(out(write)).contains("Read-only file system");

            // What `podman stop -t 30` does, but a JVM still running after 30 s gets SIGQUIT first, so that the
            // failure shows its thread dump in the logs rather than nothing after "sandbox: stopping".
            long stopStart = System.nanoTime();
            Process term = run(Duration.ofSeconds(30), "podman", "kill", "--signal", "TERM", name);
            assertThat(term.exitValue()).as(out(term)).isEqualTo(0);
            String state = awaitExit(name, Duration.ofSeconds(30));
            long stopSeconds = seconds(stopStart);
            if (!state.equals("exited")) {
                run(Duration.ofSeconds(30), "podman", "kill", "--signal", "QUIT", name);
                Thread.sleep(3000);
            }
            String logs = out(run(Duration.ofSeconds(30), "podman", "logs", name));
            assertThat(state).as("still running 30 s after SIGTERM: " + logs).isEqualTo("exited");
            System.out.printf("ContainerImageIT: stopped %d s after SIGTERM%n", stopSeconds);
            assertThat(logs).contains("sandbox: stopping").contains("sandbox: stopped");
            String exit = out(run(Duration.ofSeconds(30), "podman", "inspect", "--format", "{{.State.ExitCode}}",
                    name)).strip();
            assertThat(exit).as(logs).isIn("0", "143");
        } finally {
            run(Duration.ofSeconds(60), "podman", "rm", "-f", "-t", "0", name);
        }
    }

    private void awaitHealth(URI base, String name) throws Exception {
        long deadline = System.nanoTime() + HEALTH_WAIT.toNanos();
        while (true) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            String state = out(run(Duration.ofSeconds(30), "podman", "inspect", "--format", "{{.State.Status}}",
                    name)).strip();
            if (!state.equals("running") || System.nanoTime() > deadline) {
                throw new AssertionError("no health within " + HEALTH_WAIT + " (container " + state + "): "
                        + out(run(Duration.ofSeconds(30), "podman", "logs", name)));
            }
            Thread.sleep(250);
        }
    }

    /**
     * The container's state once it has exited, or its state at the timeout. Podman passes through "stopping" and
     * "stopped" (the process has ended, podman has not yet cleaned up) before "exited"; a container still
     * "stopped" at the timeout has ended all the same and is reported as "exited".
     */
    private static String awaitExit(String name, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String state = out(run(Duration.ofSeconds(30), "podman", "inspect", "--format", "{{.State.Status}}",
                    name)).strip();
            if (state.equals("exited") || !state.equals("running") && !state.equals("stopping")
                    && !state.equals("stopped")) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                return state.equals("stopped") ? "exited" : state;
            }
            Thread.sleep(200);
        }
    }

    private String get(URI uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization",
                "Bearer " + token).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private Map<?, ?> execute(URI base, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/execute"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Map<?, ?>) Json.parse(response.body());
    }

    private static long seconds(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    /** Runs a command with stdout and stderr merged into a file (read by {@link #out}); fails after the timeout. */
    private static Process run(Duration timeout, String... command) throws Exception {
        Path log = Files.createTempFile("sandlot-image-it", ".log");
        log.toFile().deleteOnExit();
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(BASEDIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile())).start();
        OUTPUT.put(process, log);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return process;
    }

    private static final Map<Process, Path> OUTPUT = new java.util.concurrent.ConcurrentHashMap<>();

    private static String out(Process process) throws IOException {
        return Files.readString(OUTPUT.get(process), StandardCharsets.UTF_8);
    }
}
