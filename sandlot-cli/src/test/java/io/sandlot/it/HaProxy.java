package io.sandlot.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy on a free loopback port with the configuration {@code deploy/haproxy/generate} makes for a set of replicas;
 * {@link #route(List)} reloads it for another set the way an operator does ({@code -sf}: the old process finishes
 * what it has, the new one takes the port).
 */
final class HaProxy implements AutoCloseable {

    private static final String HAPROXY = "/usr/sbin/haproxy";

    private final Path basedir;
    private final Path dir;
    private final int port;
    private Process process;
    private int generation;

    private HaProxy(Path basedir, Path dir, int port) {
        this.basedir = basedir;
        this.dir = dir;
        this.port = port;
    }

    /** Starts HAProxy routing to {@code replicas}. */
    static HaProxy start(Path basedir, Path dir, List<Replica> replicas) throws Exception {
        if (!Files.isExecutable(Path.of(HAPROXY))) {
            throw new AssertionError("haproxy is not installed: run clients/install (as root it installs the Debian "
                    + "package haproxy), or apt-get install --no-install-recommends haproxy");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        HaProxy proxy = new HaProxy(basedir, dir, port);
        proxy.route(replicas);
        return proxy;
    }

    /** Where it listens. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** (Re)configures it for {@code replicas} and waits until it answers through them. */
    void route(List<Replica> replicas) throws Exception {
        List<String> command = new ArrayList<>(List.of(basedir.resolve("deploy/haproxy/generate").toString(),
                "--bind", "127.0.0.1:" + port));
        replicas.forEach(replica -> command.add(replica.node + "=127.0.0.1:" + replica.port()));
        Path config = dir.resolve("haproxy-" + (++generation) + ".cfg");
        Process generate = new ProcessBuilder(command).redirectOutput(config.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!generate.waitFor(30, TimeUnit.SECONDS) || generate.exitValue() != 0) {
            throw new AssertionError("deploy/haproxy/generate failed: " + command);
        }
        List<String> haproxy = new ArrayList<>(List.of(HAPROXY, "-db", "-f", config.toString()));
        if (process != null) {
            haproxy.addAll(List.of("-sf", Long.toString(process.pid())));
        }
        Process previous = process;
        process = new ProcessBuilder(haproxy).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy-" + generation + ".log").toFile()).start();
        if (previous != null && !previous.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the previous HAProxy did not finish after the reload");
        }
        awaitHealthy();
    }

    private void awaitHealthy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy exited: " + Files.readString(dir.resolve("haproxy-" + generation
                        + ".log")));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri().resolve("v1/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("haproxy did not answer /v1/health within 30 s");
    }

    /** Stops it (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
