package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.wire.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * A Jupyter message in the {@code v1.kernel.websocket.jupyter.org} framing, written here from the protocol's
     * description (offset count, offsets, then channel, header, parent header, metadata, content), independently of
     * the server's own codec.
     */
    static ByteBuffer v1Frame(String channel, Map<String, Object> header, Map<String, Object> content) {
        List<byte[]> parts = List.of(channel.getBytes(StandardCharsets.UTF_8), Json.write(header).getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                Json.write(content).getBytes(StandardCharsets.UTF_8));
        int offsets = parts.size() + 1;
        long position = 8L * (offsets + 1);
        ByteBuffer frame = ByteBuffer.allocate((int) (position + parts.stream().mapToInt(p -> p.length).sum()))
                .order(ByteOrder.LITTLE_ENDIAN);
        frame.putLong(offsets);
        for (byte[] part : parts) {
            frame.putLong(position);
            position += part.length;
        }
        frame.putLong(position);
        parts.forEach(frame::put);
        return frame.flip();
    }

    /** The JSON text form ({@code channel}, {@code header}, {@code content}...) of a v1 frame the server sent. */
    static String v1ToText(ByteBuffer frame) {
        frame.order(ByteOrder.LITTLE_ENDIAN);
        int count = (int) frame.getLong(0);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = frame.getLong(8 * (i + 1));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        String[] keys = {"channel", "header", "parent_header", "metadata", "content"};
        for (int i = 0; i < keys.length; i++) {
            byte[] part = new byte[(int) (offsets[i + 1] - offsets[i])];
            frame.get((int) offsets[i], part);
            String text = new String(part, StandardCharsets.UTF_8);
            message.put(keys[i], i == 0 ? text : Json.parse(text));
        }
        return Json.write(message);
    }

    /** Collects what a client WebSocket receives. */
    static final class Messages implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
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

        /** A binary message is a Jupyter message in the v1 framing; it is collected as its JSON text form. */
        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(v1ToText(ByteBuffer.wrap(binary.toByteArray())));
                binary.reset();
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
