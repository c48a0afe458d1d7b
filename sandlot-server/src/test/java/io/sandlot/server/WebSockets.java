package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for the tests: the JDK's, with what it receives collected. */
final class WebSockets {

    private WebSockets() {
    }

    /** The {@code ws:} address of {@code path} on {@code target}. */
    static URI uri(SandboxServer target, String path) {
        return URI.create("ws://127.0.0.1:" + target.port() + path);
    }

    /** The status of a refused handshake (fails the test if the handshake succeeded). */
    static int handshakeStatus(SandboxServer target, WebSocket.Builder builder, String path) {
        try {
            builder.buildAsync(uri(target, path), new Messages()).get(10, TimeUnit.SECONDS).abort();
            throw new AssertionError("the upgrade to " + path + " was accepted");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Collects what a client WebSocket receives. */
    static final class Messages implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        /** The next message, waiting at most 10 s. */
        String next() throws InterruptedException {
            String message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }
    }
}
