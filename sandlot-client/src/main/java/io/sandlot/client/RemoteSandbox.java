package io.sandlot.client;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Formula;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.SandboxException;
import io.sandlot.SessionLostException;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.wire.Json;
import io.sandlot.wire.Requests;
import io.sandlot.wire.RestForms.ErrorBody;
import io.sandlot.wire.RestForms.NewSession;
import io.sandlot.wire.RestForms.SessionState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Sandbox} on a Sandlot server ({@code ./sandbox serve}), over HTTP with {@link HttpClient}. Switching from
 * embedded to remote is one line:
 *
 * <pre>{@code
 * Sandbox sandbox = factory.newSandbox(policy);                                           // embedded
 * Sandbox sandbox = RemoteSandbox.newBuilder(URI.create("http://127.0.0.1:8080")).token(token).build();  // remote
 *
 * ExecutionResult result = sandbox.execute(Language.PYTHON, "sum(xs)", Map.of("xs", List.of(1, 2, 3)));
 * try (Session session = sandbox.openSession(Language.PYTHON)) {
 *     session.writeFile("data.csv", bytes);
 *     session.execute("import csv; rows = list(csv.reader(open('data.csv')))");
 * }
 * }</pre>
 *
 * <p>Behaves as the embedded sandbox does: results are data, misuse (an unknown language, empty code, a limit
 * above the server's maximum) throws {@link IllegalArgumentException} with the server's message, and
 * infrastructure faults (the server unreachable, a token it does not accept, a server error) throw
 * {@link SandboxException}. Requests the server refuses because it is busy (429 or 503 with {@code Retry-After})
 * are retried after the advised delay, up to {@link Builder#maxRetries(int)} times.
 *
 * <p>Behind a load balancer with several replicas, a session lives on the replica that made it; when that replica is
 * gone or restarted, its session's executions and file operations throw {@link SessionLostException} (HTTP 410
 * {@code session_lost}): the state is lost, open a new session. Stateless executions work through any replica.
 *
 * <p>Differences from embedded: the policy's host functions cannot be used (they would run on the server); the
 * {@link #policy()} is the server's (its languages and default limits, read once from {@code GET /v1/info});
 * cancelling a {@link #submit} future abandons the HTTP exchange, but the server runs the guest until it ends or
 * hits its limits; and {@link #compileFormula} is not supported (it throws {@link UnsupportedOperationException}).
 * Thread-safe.
 */
public final class RemoteSandbox implements Sandbox, AutoCloseable {

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final int maxRetries;
    private final Duration maxRetryDelay;
    private volatile Policy policy;

    private RemoteSandbox(Builder builder) {
        this.base = builder.base;
        this.authorization = builder.token == null ? null : "Bearer " + builder.token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .build();
        this.maxRetries = builder.maxRetries;
        this.maxRetryDelay = builder.maxRetryDelay;
    }

    /**
     * A builder for a client of the server at {@code baseUri}, such as {@code http://127.0.0.1:8080}.
     *
     * @throws IllegalArgumentException if the URI is not an absolute http or https URI
     */
    public static Builder newBuilder(URI baseUri) {
        return new Builder(baseUri);
    }

    /**
     * The server's policy for stateless executions: its languages and default limits (read once from
     * {@code GET /v1/info}). It carries no host functions.
     *
     * @throws SandboxException if the server cannot be reached
     */
    @Override
    public Policy policy() {
        Policy current = policy;
        if (current == null) {
            Map<?, ?> info = info();
            EnumSet<Language> languages = EnumSet.noneOf(Language.class);
            if (info.get("languages") instanceof Map<?, ?> ids) {
                for (Object id : ids.keySet()) {
                    for (Language language : Language.values()) {
                        if ((language.isPolyglot() ? language.graalId() : language.id()).equals(id)) {
                            languages.add(language);
                        }
                    }
                }
            }
            Policy.Builder builder = Policy.newBuilder();
            if (!languages.isEmpty()) {
                builder.languages(languages.toArray(Language[]::new));
            }
            if (info.get("limits") instanceof Map<?, ?> limits && limits.get("defaults") instanceof Map<?, ?> defaults) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) defaults;
                builder.limits(Limits.fromMap(typed, Limits.DEFAULT));
            }
            current = builder.build();
            policy = current;
        }
        return current;
    }

    /**
     * The server's {@code GET /v1/info} document: versions, languages, JIT, limits (defaults and maximums), session
     * and queue settings.
     *
     * @throws SandboxException if the server cannot be reached
     */
    public Map<?, ?> info() {
        return (Map<?, ?>) Json.parse(text(send(get("v1/info"))));
    }

    /**
     * Runs {@code request} on the server as a stateless execution and waits for the result. If the calling thread is
     * interrupted while waiting, the result says {@code cancelled} (the server still runs the guest to its end or its
     * limits).
     *
     * @throws IllegalArgumentException if the server refuses the request as invalid (its message names the problem)
     * @throws SandboxException if the server cannot be reached, refuses the token, stays overloaded or fails
     */
    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        String json = requestJson(request);
        return orCancelled(() -> result(send(post("v1/execute", json))));
    }

    /**
     * Starts {@code request} on the server; the future completes with the result, or exceptionally with the
     * exceptions {@link #execute(ExecutionRequest)} throws. Cancelling it abandons the HTTP exchange only.
     */
    @Override
    public CompletableFuture<ExecutionResult> submit(ExecutionRequest request) {
        return sendAsync(post("v1/execute", requestJson(request)), 0).thenApply(RemoteSandbox::result);
    }

    /**
     * Opens a session on the server with its default limits and idle TTL; see {@link Session}. Close it when done
     * (the server also closes it after its idle TTL).
     *
     * @throws IllegalArgumentException if the server does not allow {@code language}
     * @throws SandboxException if the server cannot be reached, holds the maximum of sessions, or fails
     */
    @Override
    public Session openSession(Language language) {
        return openSession(language, null, null);
    }

    @Override
    public Session openSession(Language language, Limits limits) {
        return openSession(language, limits, null);
    }

    /**
     * Opens a session with its own limits (each execution's) and idle TTL; {@code null} keeps the server's default.
     *
     * @throws IllegalArgumentException if a limit is above the server's maximum or the TTL above its maximum
     */
    public Session openSession(Language language, Limits limits, Duration idleTtl) {
        NewSession body = new NewSession(language, Optional.ofNullable(limits), Optional.ofNullable(idleTtl));
        String created = text(send(post("v1/sessions", Json.write(body.toMap()))));
        return new RemoteSession(this, SessionState.fromMap(jsonObject(created)).id(), language);
    }

    /**
     * Not supported remotely: a formula's point is to be compiled once and evaluated cheaply in-process, which a
     * round trip per evaluation defeats. Use {@link #execute(Language, String, Map)} with the parameters as inputs.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Formula compileFormula(Language language, String expression, String... parameterNames) {
        throw new UnsupportedOperationException("formulas are not supported by RemoteSandbox: compile them with an "
                + "embedded sandbox, or run the expression with execute(language, expression, inputs)");
    }

    /** Closes the HTTP client. Sessions left open on the server are closed by its idle TTL. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RemoteSandbox{" + base + "}";
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    /**
     * Sends {@code request}, retrying 429/503 after {@code Retry-After}; returns any other response. Interrupts
     * end the wait with {@link CancellationException}.
     *
     * @throws SandboxException if the server cannot be reached
     */
    HttpResponse<byte[]> send(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new SandboxException("cannot reach the sandbox server at " + base + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for " + request.uri());
            }
            if (!retryable(response) || attempt >= maxRetries) {
                return response;
            }
            try {
                Thread.sleep(retryDelay(response).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting to retry " + request.uri());
            }
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, t) -> {
                    if (t == null) {
                        return response;
                    }
                    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                    throw new SandboxException("cannot reach the sandbox server at " + base + ": " + cause, cause);
                })
                .thenCompose(response -> {
                    if (!retryable(response) || attempt >= maxRetries) {
                        return CompletableFuture.completedFuture(response);
                    }
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(retryDelay(response).toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> sendAsync(request, attempt + 1));
                });
    }

    private static boolean retryable(HttpResponse<?> response) {
        return (response.statusCode() == 429 || response.statusCode() == 503)
                && response.headers().firstValue("Retry-After").isPresent();
    }

    private Duration retryDelay(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        Duration delay = Duration.ofSeconds(Math.max(0, seconds));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /**
     * The body of a 2xx response.
     *
     * @throws IllegalArgumentException for 400, 413 and 415 (the request was invalid)
     * @throws IllegalStateException for 409 (the session is busy)
     * @throws SessionLostException for 410 {@code session_lost} (the session's replica is gone or restarted)
     * @throws SandboxException for anything else
     */
    static String text(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        throw failure(response);
    }

    static RuntimeException failure(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String code = errorCode(response);
        String message = errorMessage(response);
        return switch (status) {
            case 400, 413, 415 -> new IllegalArgumentException(message);
            case 409 -> new IllegalStateException(message);
            case 410 -> "session_lost".equals(code) ? new SessionLostException(message)
                    : new SandboxException("the sandbox server answered 410 " + code + ": " + message);
            case 401, 403 -> new SandboxException("the sandbox server refused the request (" + status + " " + code
                    + "): " + message);
            default -> new SandboxException("the sandbox server answered " + status + " " + code + ": " + message);
        };
    }

    static String errorCode(HttpResponse<byte[]> response) {
        return errorBody(response).map(ErrorBody::error).orElse("null");
    }

    private static String errorMessage(HttpResponse<byte[]> response) {
        return errorBody(response).map(ErrorBody::message)
                .orElseGet(() -> new String(response.body(), StandardCharsets.UTF_8));
    }

    private static Optional<ErrorBody> errorBody(HttpResponse<byte[]> response) {
        return ErrorBody.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** Parses a JSON object the server answered; a server that answers anything else is a fault. */
    static Map<?, ?> jsonObject(String json) {
        try {
            if (Json.parse(json) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (IllegalArgumentException e) {
            throw new SandboxException("the sandbox server answered malformed JSON: " + e.getMessage(), e);
        }
        throw new SandboxException("the sandbox server answered JSON that is not an object: " + json);
    }

    static ExecutionResult result(HttpResponse<byte[]> response) {
        return ExecutionResult.fromJson(text(response));
    }

    /** Runs {@code call}, answering {@code cancelled} if the calling thread is interrupted, as embedded does. */
    static ExecutionResult orCancelled(java.util.function.Supplier<ExecutionResult> call) {
        try {
            return call.get();
        } catch (CancellationException e) {
            return ExecutionResult.notRun(Status.CANCELLED, "the calling thread was interrupted");
        }
    }

    private static String requestJson(ExecutionRequest request) {
        return Json.write(Requests.toMap(request));
    }

    /**
     * Encodes a file path for the URL: each segment percent-encoded, separators kept; a leading {@code /} (an
     * absolute path) is sent as {@code %2F}, so that no proxy folds it into the preceding separator.
     */
    static String encodePath(String path) {
        boolean absolute = path.startsWith("/");
        List<String> segments = new ArrayList<>();
        for (String segment : (absolute ? path.substring(1) : path).split("/", -1)) {
            // "." and ".." are sent escaped: URI resolution would fold them away, and the server is the one to judge
            segments.add(segment.equals(".") || segment.equals("..") ? segment.replace(".", "%2E")
                    : percentEncode(segment));
        }
        return (absolute ? "%2F" : "") + String.join("/", segments);
    }

    private static String percentEncode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Builds a {@link RemoteSandbox}. */
    public static final class Builder {
        private final URI base;
        private String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxRetries = 3;
        private Duration maxRetryDelay = Duration.ofSeconds(10);

        private Builder(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            if (!baseUri.isAbsolute() || !("http".equals(baseUri.getScheme()) || "https".equals(baseUri.getScheme()))) {
                throw new IllegalArgumentException("baseUri must be an absolute http or https URI, was " + baseUri);
            }
            String text = baseUri.toString();
            this.base = URI.create(text.endsWith("/") ? text : text + "/");
        }

        /** The bearer token (the tenant); none for a server without tokens. */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How often a request refused with 429/503 and {@code Retry-After} is retried (default 3; 0 = never). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The longest wait before a retry, whatever {@code Retry-After} says (default 10 s). */
        public Builder maxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
            return this;
        }

        /** Returns the client; it connects on first use. */
        public RemoteSandbox build() {
            return new RemoteSandbox(this);
        }
    }
}
