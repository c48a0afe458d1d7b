package io.sandlot.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code ./sandbox serve} says on stderr, as the integration tests that start it read it. */
public final class ServeOutput {

    /** The line that says where the server listens: {@code listening on http://host:port/}. */
    public static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private ServeOutput() {
    }

    /**
     * Reads {@code err} until the server says where it listens, at most {@code timeout}; the lines after it are
     * left for the caller to read.
     *
     * @throws java.util.concurrent.TimeoutException if it has not said so by then
     * @throws java.util.concurrent.ExecutionException if stderr ended first
     */
    public static URI awaitListening(BufferedReader err, Duration timeout) throws Exception {
        return CompletableFuture.supplyAsync(() -> scan(err)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static URI scan(BufferedReader err) {
        try {
            String line;
            while ((line = err.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the server never said it was listening");
    }
}
