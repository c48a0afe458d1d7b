package io.sandlot.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/** One {@code ./sandbox serve --node-id NODE} on a free loopback port, for the multi-replica test. */
final class Replica implements AutoCloseable {


    final String node;
    private final Process process;
    private final CompletableFuture<URI> uri = new CompletableFuture<>();

    private Replica(String node, Process process) {
        this.node = node;
        this.process = process;
        Thread.ofPlatform().daemon().name("replica-" + node + "-stderr").start(this::readStderr);
    }

    /** Starts replica {@code node}; {@link #uri()} waits until it listens. */
    static Replica start(Path basedir, String launcher, String node, String token) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launcher, "serve", "--port", "0", "--node-id", node,
                "--token", token, "--no-warm-up", "--pool-python", "0", "--sessions-per-tenant", "32",
                "--max-sessions", "64", "--shutdown-timeout-seconds", "2")
                .directory(basedir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SANDLOT_JAVA_OPTS", "-Xmx1g");
        return new Replica(node, builder.start());
    }

    /** Where it listens, once it does (at most 240 s: JVMs start slowly on a loaded machine). */
    URI uri() {
        try {
            return uri.get(240, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("replica " + node + " did not start listening: " + e, e);
        }
    }

    /** Its port. */
    int port() {
        return uri().getPort();
    }

    /** Kills it at once (SIGKILL), as a node that dies does: nothing is handed over. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void readStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = err.readLine()) != null) {
                Matcher m = ServeOutput.LISTENING.matcher(line);
                if (m.find()) {
                    uri.complete(URI.create(m.group(1)));
                } else if (!uri.isDone()) {
                    seen.append(line).append('\n');
                }
            }
            uri.completeExceptionally(new IllegalStateException("it ended before listening:\n" + seen));
        } catch (IOException e) {
            uri.completeExceptionally(e);
        }
    }
}
