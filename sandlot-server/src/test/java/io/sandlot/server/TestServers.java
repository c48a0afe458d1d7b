package io.sandlot.server;

import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * What the server tests share: one factory (its engines are expensive to warm, and production shares them too),
 * and a small HTTP helper over a real loopback connection.
 */
public final class TestServers {

    /** Shared by every test server; each server is given at most this many slots. */
    public static final SandboxFactory FACTORY = SandboxFactory.newBuilder().maxConcurrency(4).build();

    public static final String ALPHA = "alpha-token-0001";
    public static final String BETA = "beta-token-0002";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(FACTORY::close));
    }

    private TestServers() {
    }

    /**
     * Sends {@code request} as it is over a new connection, half-closes it (nothing more will come, so a request
     * without {@code Connection: close} or with a wrong length cannot leave the server waiting), and returns
     * everything the server answers: empty if it closed the connection without an answer.
     *
     * @throws java.io.UncheckedIOException if the connection failed, was reset, or nothing came for 30 s
     */
    public static String raw(int port, String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code value} as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** {@code value} as a JSON array. */
    @SuppressWarnings("unchecked")
    public static java.util.List<Object> list(Object value) {
        return (java.util.List<Object>) value;
    }

    /** A builder for a server on a free loopback port, on the shared factory. */
    public static SandboxServer.Builder builder() {
        return SandboxServer.newBuilder().port(0).factory(FACTORY).maxConcurrency(4)
                .shutdownTimeout(Duration.ofSeconds(2));
    }

    /** An HTTP response with its body as text. */
    public record Reply(int status, HttpHeaders headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The body as a JSON object. */
        public Map<String, Object> json() {
            return map(Json.parse(body()));
        }

        /** The {@code message} of an error body. */
        public String message() {
            return String.valueOf(json().get("message"));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    /** A client of one server, with or without a token. */
    public static final class Http {
        private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private final URI base;
        private final String token;

        public Http(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        public Http as(String otherToken) {
            return new Http(base, otherToken);
        }

        public Reply get(String path) {
            return send(request(path).GET());
        }

        public Reply delete(String path) {
            return send(request(path).DELETE());
        }

        /** POSTs {@code json} as application/json. */
        public Reply post(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** POSTs {@code value} written as JSON. */
        public Reply postJson(String path, Object value) {
            return post(path, Json.write(value));
        }

        public Reply post(String path, String contentType, byte[] body) {
            HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            return send(builder);
        }

        public Reply put(String path, byte[] body) {
            return send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        public Reply send(String method, String path) {
            return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder;
        }

        private static Reply send(HttpRequest.Builder builder) {
            try {
                HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
