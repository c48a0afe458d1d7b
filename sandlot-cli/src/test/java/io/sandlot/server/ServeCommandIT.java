package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.ExecutionResult;
import io.sandlot.it.ServeOutput;
import io.sandlot.Status;
import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sandbox serve} and the remote example as a user runs them: separate JVMs started by the launcher, with
 * the Graal JIT on. Runs in {@code verify}, after the jar is packaged.
 */
class ServeCommandIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String LAUNCHER = System.getProperty("sandlot.launcher", "./sandbox");

    @Test
    void serve_answersWithTokensAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "# one tenant per line\n\nit-token-123456\n");
        Process process = new ProcessBuilder(LAUNCHER, "serve", "--port", "0", "--tokens-file", tokens.toString(),
                "--timeout-ms", "5000", "--no-warm-up", "--shutdown-timeout-seconds", "5").directory(BASEDIR.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            URI uri = ServeOutput.awaitListening(err, Duration.ofSeconds(180));
            Http http = new Http(uri, "it-token-123456");

            Reply health = http.as(null).get("/v1/health");
            Reply unauthorized = http.as(null).get("/v1/info");
            Reply info = http.get("/v1/info");
            Reply run = http.postJson("/v1/execute", Map.of("language", "js", "code", "[1, 2, 3].map(x => x * 2)"));

            assertThat(health.status()).isEqualTo(200);
            assertThat(unauthorized.status()).isEqualTo(401);
            assertThat(info.json().get("jit")).isEqualTo(true);
            assertThat(info.body()).contains("\"timeoutMs\":5000");
            assertThat(ExecutionResult.fromJson(run.body()).status()).isEqualTo(Status.OK);

            StringBuffer rest = new StringBuffer();
            Thread drain = new Thread(() -> err.lines().forEach(line -> rest.append(line).append('\n')));
            drain.start();
            process.toHandle().destroy();   // SIGTERM, without closing our end of its pipes
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            drain.join(10_000);
            assertThat(rest.toString()).contains("sandbox: stopping").contains("sandbox: stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void serve_nonLoopbackWithoutTokens_isRefused() throws Exception {
        Process process = new ProcessBuilder(LAUNCHER, "serve", "--host", "0.0.0.0", "--port", "0")
                .directory(BASEDIR.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("refusing to listen on 0.0.0.0 without tokens");
    }

    @Test
    void remoteExample_runsAgainstAServerItStarts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = new ProcessBuilder(BASEDIR.resolve("examples/remote/run").toString())
                .directory(BASEDIR.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(ended).as("the example's JVM ended within 180 s (a non-daemon thread keeps it alive?)%n%s%n%s",
                stdout, stderr).isTrue();

        assertThat(process.exitValue()).as(stderr).isEqualTo(0);
        assertThat(stdout)
                .contains("stateless: ok value=[1, 4, 9]")
                .contains("session: ok regions=2")
                .contains("session: best region=south")
                .contains("downloaded report.csv:\nregion,revenue\r\nnorth,60.00\r\nsouth,107.50\r\n")
                .contains("file: /work/report.csv");
    }

    /**
     * A program with only sandlot-client, sandlot-api and Jackson on its class path (no GraalVM, no engine) runs code
     * on a server and opens a session: what a service that only talks to Sandlot ships.
     */
    @Test
    void clientAlone_withoutGraalVm_runsCodeOnAServer(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("ClientOnly.java"), """
                import io.sandlot.*;
                import io.sandlot.client.RemoteSandbox;

                public class ClientOnly {
                    public static void main(String[] args) throws Exception {
                        try {
                            Class.forName("org.graalvm.polyglot.Context");
                            throw new AssertionError("GraalVM is on the class path");
                        } catch (ClassNotFoundException expected) {
                            // the point of sandlot-client
                        }
                        Sandbox sandbox = RemoteSandbox.newBuilder(java.net.URI.create(args[0])).build();
                        System.out.println(sandbox.execute(Language.PYTHON, "sum(range(10))").toJson());
                        try (Session session = sandbox.openSession(Language.JS)) {
                            session.execute("var n = 41");
                            System.out.println(session.execute("n + 1").toJson());
                        }
                    }
                }
                """);
        Path lib = BASEDIR.resolve("sandlot-cli/target/lib/classpath");
        String classPath;
        try (var jars = Files.list(lib)) {
            classPath = jars.map(Path::toString)
                    .filter(jar -> jar.matches(".*/(sandlot-(client|api)|jackson-[a-z]+)-[0-9][^/]*\\.jar"))
                    .sorted().collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }
        assertThat(classPath.split(java.io.File.pathSeparator)).hasSize(5);
        Process server = new ProcessBuilder(LAUNCHER, "serve", "--port", "0", "--no-warm-up")
                .directory(BASEDIR.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            URI uri = ServeOutput.awaitListening(err, Duration.ofSeconds(180));
            new Thread(() -> err.lines().forEach(line -> { })).start();
            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath, program.toString(), uri.toString()).start();
            client.getOutputStream().close();
            String stdout = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(client.exitValue()).as(stderr).isZero();
            String[] lines = stdout.strip().split("\n");
            assertThat(ExecutionResult.fromJson(lines[0]).value()).as(stdout).isEqualTo(45L);
            assertThat(ExecutionResult.fromJson(lines[1]).value()).as(stdout).isEqualTo(42L);
        } finally {
            server.destroyForcibly();
        }
    }
}
