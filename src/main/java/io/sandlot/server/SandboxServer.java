package io.sandlot.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.RuntimeInfo;
import io.sandlot.Sandbox;
import io.sandlot.SandboxException;
import io.sandlot.SandboxFactory;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.internal.convert.Requests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sandlot as an HTTP/JSON service: stateless executions, stateful sessions with files, bearer-token tenants,
 * Prometheus metrics and an OpenAPI document. {@code ./sandbox serve} runs one; tests and programs embed one:
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.newBuilder().port(0).tokens(List.of("s3cret-token")).build().start()) {
 *     URI uri = server.uri();   // http://127.0.0.1:<port>/
 *     ...
 * }
 * }</pre>
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} with one virtual thread per request. Request threads only
 * parse, queue and wait: guests always run on the {@link SandboxFactory}'s own threads. In front of execution sits
 * a bounded, per-tenant fair queue ({@link Builder#tenantConcurrency}, {@link Builder#queueSize}): when it is full,
 * requests get 429 or 503 with {@code Retry-After} instead of waiting without bound.
 *
 * <p>Without tokens the server listens on loopback only and answers only requests whose {@code Host} is a loopback
 * name (so a web page cannot reach it through DNS rebinding). With tokens, every request but
 * {@code GET /v1/health} needs {@code Authorization: Bearer <token>}; each token is a tenant, and a session is
 * visible to its tenant only.
 *
 * <p>What it does not protect against: a guest that ignores cancellation keeps a core busy until it ends (see the
 * README); the server does not throttle by client address; and it speaks plain HTTP: put TLS in front of it (a
 * reverse proxy) before exposing it beyond the host.
 */
public final class SandboxServer implements AutoCloseable {

    /** The default port of {@code ./sandbox serve}. */
    public static final int DEFAULT_PORT = 8080;

    /** The default maximum limits a request may ask for; {@code 0} here means "no maximum". */
    public static final Limits DEFAULT_MAX_LIMITS = Limits.newBuilder()
            .timeoutMs(60_000).cpuTimeMs(0).maxStatements(0).maxMemoryMb(1024)
            .maxOutputBytes(16L << 20).maxCodeBytes(1L << 20).maxInputBytes(8L << 20).build();

    private static final System.Logger LOG = System.getLogger(SandboxServer.class.getName());
    private static final String OPENAPI_RESOURCE = "/io/sandlot/server/openapi.json";

    static {
        // The JDK server reads these once. Nagle's algorithm would add up to 40 ms to small responses; a request
        // (headers and body) that takes longer than 60 s to arrive is a slow-loris client and is cut off.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", "60");
        setIfAbsent("jdk.httpserver.maxConnections", "1000");
    }

    private final Builder config;
    private final Tenants tenants;
    private final SandboxFactory factory;
    private final boolean ownsFactory;
    private final Sandbox stateless;
    private final Metrics metrics = new Metrics();
    private final Admission admission;
    private final SessionRegistry sessions;
    private final Router router = new Router();
    private final Set<CompletableFuture<ExecutionResult>> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeExchanges = new AtomicInteger();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final byte[] openApi;
    private volatile RuntimeInfo info;
    private volatile boolean stopping;
    private HttpServer http;
    private ExecutorService requestThreads;
    private ScheduledExecutorService sweeper;

    private SandboxServer(Builder builder) {
        this.config = builder;
        this.tenants = new Tenants(builder.tokens);
        this.ownsFactory = builder.factory == null;
        if (ownsFactory) {
            SandboxFactory.Builder factoryBuilder = SandboxFactory.newBuilder().maxConcurrency(builder.maxConcurrency)
                    .warmUpRounds(builder.warmUpRounds);
            builder.contextPools.forEach(factoryBuilder::contextPool);
            this.factory = factoryBuilder.build();
        } else {
            this.factory = builder.factory;
        }
        // One policy for stateless executions and sessions with the default limits, so that they share one context
        // pool; stateless guests thus get a private, writable scratch tree too, fresh for each execution.
        Policy policy = Policy.newBuilder().limits(builder.defaultLimits)
                .virtualFileSystem(builder.sessionFileQuotaBytes).build();
        this.stateless = factory.newSandbox(policy);
        // Never admit more than the factory runs at once: the rest would block request threads on its slots.
        int slots = Math.min(builder.maxConcurrency, factory.maxConcurrency());
        int tenantCount = tenants.count();
        int tenantSlots = builder.tenantConcurrency > 0 ? builder.tenantConcurrency
                : tenantCount > 1 ? Math.max(1, slots - 1) : slots;
        int tenantQueue = builder.tenantQueueSize > 0 ? builder.tenantQueueSize
                : Math.max(1, builder.queueSize / tenantCount);
        this.admission = new Admission(slots, Math.min(tenantSlots, slots),
                builder.queueSize, Math.min(tenantQueue, builder.queueSize), builder.queueTimeout.toMillis(), metrics);
        this.sessions = new SessionRegistry(stateless, builder.maxSessions, builder.sessionsPerTenant, metrics);
        try (InputStream in = SandboxServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metrics.gauge("sandlot_sessions_active", "Open sessions, by language.",
                        () -> Metrics.by("language", sessions.countByLanguage()))
                .gauge("sandlot_queue_depth", "Requests waiting for an execution slot.",
                        () -> Metrics.one(admission.queued()))
                .gauge("sandlot_executions_running", "Executions holding a slot.",
                        () -> Metrics.one(admission.running()))
                .gauge("sandlot_execution_slots", "Size of the execution slot pool (executions that may run at once).",
                        () -> Metrics.one(admission.slots()))
                .gauge("sandlot_quarantined_threads",
                        "Guest threads that ignored cancellation and still run (each costs a core until it ends).",
                        () -> Metrics.one(factory.quarantinedThreads()))
                .gauge("sandlot_guest_executions_running",
                        "Executions running on the sandbox's guest threads (all users of its factory).",
                        () -> Metrics.one(factory.stats().runningExecutions()))
                .gauge("sandlot_context_pool_ready", "Pre-warmed contexts ready now, by language.", () -> {
                    Map<String, Integer> ready = new LinkedHashMap<>();
                    Map<Language, Integer> pooled = factory.stats().pooledContexts();
                    for (Language language : Language.values()) {
                        ready.put(language.id(), pooled.getOrDefault(language, 0));
                    }
                    return Metrics.by("language", ready);
                })
                .counter("sandlot_context_pool_hits_total",
                        "Stateless executions that found a pre-warmed context.",
                        () -> Metrics.one(factory.stats().poolHits()))
                .counter("sandlot_context_pool_misses_total",
                        "Stateless executions that had to create their context.",
                        () -> Metrics.one(factory.stats().poolMisses()))
                .gauge("sandlot_source_cache_entries", "Parsed sources kept for reuse.",
                        () -> Metrics.one(factory.stats().cachedSources()))
                .gauge("sandlot_heap_used_after_gc_ratio",
                        "Heap in use after the last collection, as a fraction of the maximum heap.",
                        () -> Metrics.one(heapUsedAfterGc()))
                .gauge("sandlot_http_requests_in_flight", "HTTP requests being handled.",
                        () -> Metrics.one(activeExchanges.get()));
        metrics.gauge("sandlot_jit_enabled",
                "1 if guest code is compiled by the Graal JIT, 0 if it runs interpreted (10-100x slower).",
                () -> Metrics.one(info().jit() ? 1 : 0));
        routes();
    }

    /** A builder with the defaults of {@code ./sandbox serve}. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Reads a tokens file: one token per line, each a tenant; blank lines and {@code #} comments are ignored.
     *
     * @throws IllegalArgumentException if the file cannot be read, holds no token or a malformed one
     */
    public static List<String> readTokensFile(Path file) {
        return Tenants.readFile(file);
    }

    /**
     * Binds the address and starts answering. With {@link Builder#warmUp(boolean)}, runs a trivial execution per
     * language first, so that the first requests do not pay for starting the engines.
     *
     * @return this server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public synchronized SandboxServer start() {
        if (http != null) {
            throw new IllegalStateException("the server was already started");
        }
        if (config.warmUp) {
            warmUp();
        }
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host), config.port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host + ":" + config.port + ": " + e.getMessage(),
                    e);
        }
        requestThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandlot-http-", 0).factory());
        http.setExecutor(requestThreads);
        http.createContext("/", this::handle);
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandlot-session-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long sweepMillis = config.sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sessions.sweep();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "session sweep failed", e);
            }
        }, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        http.start();
        return this;
    }

    /** The port the server listens on (useful after {@link Builder#port(int) port(0)}). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URI, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** True if every request but health needs a token. */
    public boolean requiresTokens() {
        return tenants.required();
    }

    /** Number of tenants (tokens); 1 without tokens. */
    public int tenantCount() {
        return tenants.count();
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Stops gracefully within {@link Builder#shutdownTimeout(Duration)}; see {@link #stop(Duration)}. */
    @Override
    public void close() {
        stop(config.shutdownTimeout);
    }

    /**
     * Stops gracefully: stops accepting connections at once and answers new requests on open connections with 503;
     * refuses queued requests with 503; lets running executions finish for up to {@code bound}, then cancels the
     * rest (their callers get a {@code cancelled} result); closes every session; and, if the server created its
     * factory, closes it. Idempotent.
     */
    public void stop(Duration bound) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            admission.close();
            if (http != null) {
                HttpServer server = http;
                // stop() closes the listening socket at once, then waits for open exchanges; the wait runs aside.
                Thread.ofPlatform().daemon().name("sandlot-http-stop").start(
                        () -> server.stop((int) Math.max(1, bound.toSeconds() + 2)));
            }
            long deadline = System.nanoTime() + bound.toNanos();
            awaitIdle(deadline);
            if (activeExchanges.get() > 0) {
                LOG.log(System.Logger.Level.INFO, "cancelling {0} executions still running after {1} ms",
                        running.size(), bound.toMillis());
                running.forEach(future -> future.cancel(true));
                sessions.closeAll();
                awaitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            }
            sessions.closeAll();
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
            if (requestThreads != null) {
                requestThreads.shutdown();
            }
            if (ownsFactory) {
                factory.close();
            }
        } finally {
            terminated.countDown();
        }
    }

    private void awaitIdle(long deadlineNanos) {
        while (activeExchanges.get() > 0 && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs a trivial execution in each language, so that the engines are up before the first request. */
    public void warmUp() {
        for (Language language : Language.values()) {
            stateless.execute(language, "1 + 1");
        }
        info();
    }

    // ---------------------------------------------------------------------------------------------- routes

    /** The routes, for the OpenAPI check. */
    List<Router.Route> routeTable() {
        return router.routes();
    }

    private void routes() {
        router.addPublic("GET", "/v1/health", call -> stopping
                ? Response.json(503, Map.of("status", "stopping")).header("Retry-After", "5")
                : Response.json(200, Map.of("status", "ok")))
                .add("GET", "/v1/info", this::info)
                .add("GET", "/v1/openapi.json", call -> Response.bytes(200, Response.JSON, openApi))
                .add("GET", "/metrics", call -> Response.bytes(200, Metrics.CONTENT_TYPE,
                        metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .add("POST", "/v1/execute", this::execute)
                .add("POST", "/v1/sessions", this::createSession)
                .add("GET", "/v1/sessions", call -> Response.json(200, Map.of("sessions",
                        sessions.list(call.tenant).stream().map(SessionRegistry.Entry::toMap).toList())))
                .add("GET", "/v1/sessions/{id}", call -> Response.json(200,
                        sessions.get(call.tenant, call.parameter("id")).toMap()))
                .add("DELETE", "/v1/sessions/{id}", call -> {
                    sessions.delete(call.tenant, call.parameter("id"));
                    return Response.noContent();
                })
                .add("POST", "/v1/sessions/{id}/execute", this::executeInSession)
                .add("GET", "/v1/sessions/{id}/files", this::listFiles)
                .add("PUT", "/v1/sessions/{id}/files/{path*}", this::writeFile)
                .add("GET", "/v1/sessions/{id}/files/{path*}", this::readFile)
                .add("DELETE", "/v1/sessions/{id}/files/{path*}", this::deleteFile);
    }

    private RuntimeInfo info() {
        RuntimeInfo current = info;
        if (current == null) {
            current = factory.info();
            info = current;
        }
        return current;
    }

    private Response info(Call call) {
        RuntimeInfo runtime = info();
        Map<String, Object> map = new LinkedHashMap<>();
        String version = SandboxServer.class.getPackage().getImplementationVersion();
        map.put("sandlot", version == null ? "development" : version);
        map.put("java", runtime.javaVersion());
        map.put("graalvm", runtime.graalvmVersion());
        map.put("implementation", runtime.implementationName());
        map.put("jit", runtime.jit());
        map.put("languages", runtime.languages());
        map.put("tenant", call.tenant);
        map.put("limits", Map.of("defaults", config.defaultLimits.toMap(), "maximums", config.maxLimits.toMap()));
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("slots", admission.slots());
        execution.put("queueSize", config.queueSize);
        execution.put("queueTimeoutMs", config.queueTimeout.toMillis());
        map.put("execution", execution);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("max", config.maxSessions);
        session.put("perTenant", config.sessionsPerTenant);
        session.put("ttlSeconds", config.sessionTtl.toSeconds());
        session.put("maxTtlSeconds", config.maxSessionTtl.toSeconds());
        session.put("fileQuotaBytes", config.sessionFileQuotaBytes);
        map.put("sessions", session);
        map.put("maxBodyBytes", config.maxBodyBytes);
        return Response.json(200, map);
    }

    private Response execute(Call call) throws IOException {
        Map<String, Object> body = call.jsonObject();
        ExecutionRequest request = Requests.fromMap(body, config.defaultLimits, Set.of());
        Limits limits = request.limits().orElse(config.defaultLimits);
        checkMaximums(limits);
        checkMemory();
        Admission.Permit permit = admission.acquire(call.tenant);
        try {
            long start = System.nanoTime();
            CompletableFuture<ExecutionResult> future;
            try {
                future = stateless.submit(request);
            } catch (SandboxException e) {
                throw Admission.stopping();
            }
            running.add(future);
            ExecutionResult result;
            try {
                result = future.get();
            } catch (CancellationException e) {
                result = cancelled("the server is shutting down");
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                result = cancelled("the request was interrupted");
            } catch (ExecutionException e) {
                throw new SandboxException("the execution failed inside the sandbox", e.getCause());
            } finally {
                running.remove(future);
            }
            metrics.execution("stateless", request.language(), result.status(), System.nanoTime() - start);
            return Response.jsonText(200, result.toJson());
        } finally {
            permit.release();
        }
    }

    private Response createSession(Call call) throws IOException {
        Map<String, Object> body = call.jsonObject();
        requireFields(body, List.of("language", "limits", "ttlSeconds"));
        if (!(body.get("language") instanceof String name)) {
            throw HttpError.badRequest("field 'language' is required and must be a string");
        }
        Language language = Language.of(name);
        Limits limits = config.defaultLimits;
        Object limitsField = body.get("limits");
        if (limitsField != null) {
            if (!(limitsField instanceof Map<?, ?> limitMap)) {
                throw HttpError.badRequest("field 'limits' must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) limitMap;
            limits = Limits.fromMap(typed, config.defaultLimits);
        }
        checkMaximums(limits);
        long ttlSeconds = config.sessionTtl.toSeconds();
        Object ttl = body.get("ttlSeconds");
        if (ttl != null) {
            long max = config.maxSessionTtl.toSeconds();
            if (!(ttl instanceof Long || ttl instanceof Integer) || ((Number) ttl).longValue() < 1
                    || ((Number) ttl).longValue() > max) {
                throw HttpError.badRequest("ttlSeconds must be a whole number from 1 to " + max
                        + " (the server's maximum), was " + ttl);
            }
            ttlSeconds = ((Number) ttl).longValue();
        }
        checkMemory();
        SessionRegistry.Entry entry = sessions.create(call.tenant, language, limits,
                TimeUnit.SECONDS.toMillis(ttlSeconds));
        return Response.json(201, entry.toMap()).header("Location", "/v1/sessions/" + entry.id());
    }

    /** The work of a request on one of the caller's sessions. */
    @FunctionalInterface
    private interface SessionWork {
        Response run(SessionRegistry.Entry entry) throws IOException;
    }

    /** Runs {@code work} on the caller's session {@code {id}}, which counts as in use (never idle) meanwhile. */
    private Response inSession(Call call, SessionWork work) throws IOException {
        SessionRegistry.Entry entry = sessions.get(call.tenant, call.parameter("id"));
        entry.begin();
        try {
            return work.run(entry);
        } finally {
            entry.end();
        }
    }

    private Response executeInSession(Call call) throws IOException {
        return inSession(call, entry -> {
            Map<String, Object> body = call.jsonObject();
            requireFields(body, List.of("code", "inputs"));
            Map<String, Object> withLanguage = new LinkedHashMap<>(body);
            withLanguage.put("language", entry.session.language().id());
            ExecutionRequest request = Requests.fromMap(withLanguage, entry.limits, Set.of());
            checkMemory();
            Admission.Permit permit = admission.acquire(call.tenant);
            try {
                long start = System.nanoTime();
                ExecutionResult result;
                try {
                    result = entry.session.execute(request.code(), request.inputs());
                } catch (IllegalStateException e) {
                    throw new HttpError(409, "session_busy", e.getMessage());
                }
                metrics.execution("session", request.language(), result.status(), System.nanoTime() - start);
                return Response.jsonText(200, result.toJson());
            } finally {
                permit.release();
            }
        });
    }

    private Response listFiles(Call call) throws IOException {
        return inSession(call, entry -> {
            List<Map<String, Object>> files = new ArrayList<>();
            long total = 0;
            for (Session.FileInfo file : entry.session.listFiles()) {
                Map<String, Object> fileMap = new LinkedHashMap<>();
                fileMap.put("path", file.path());
                fileMap.put("size", file.size());
                files.add(fileMap);
                total += file.size();
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("files", files);
            map.put("totalBytes", total);
            map.put("quotaBytes", config.sessionFileQuotaBytes);
            return Response.json(200, map);
        });
    }

    private Response writeFile(Call call) throws IOException {
        return inSession(call, entry -> {
            String path = call.parameter("path");
            byte[] data = call.body();
            entry.session.writeFile(path, data);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("path", path);
            map.put("size", data.length);
            return Response.json(200, map);
        });
    }

    private Response readFile(Call call) throws IOException {
        return inSession(call, entry -> {
            String path = call.parameter("path");
            Optional<byte[]> data = entry.session.readFile(path);
            if (data.isEmpty()) {
                throw HttpError.notFound("file_not_found", "no file '" + path + "' in session " + entry.id());
            }
            return Response.bytes(200, Response.BYTES, data.get()).header("Content-Disposition", "attachment");
        });
    }

    private Response deleteFile(Call call) throws IOException {
        return inSession(call, entry -> {
            String path = call.parameter("path");
            if (!entry.session.deleteFile(path)) {
                throw HttpError.notFound("file_not_found", "no file '" + path + "' in session " + entry.id());
            }
            return Response.noContent();
        });
    }

    private static void requireFields(Map<String, Object> body, List<String> known) {
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw HttpError.badRequest("unknown field '" + field + "'; expected " + String.join(", ", known));
            }
        }
    }

    /**
     * @throws HttpError 400 naming the first limit above the server's maximum (a limit turned off, 0, counts as
     *     above any maximum)
     */
    private void checkMaximums(Limits limits) {
        limits.toMap().forEach((name, value) -> {
            long max = config.maxLimits.get(name);
            if (max > 0 && (value == 0 || value > max)) {
                throw HttpError.badRequest("limits." + name + "=" + value + (value == 0 ? " (off)" : "")
                        + " is above the server's maximum of " + max);
            }
        });
    }

    /** @throws HttpError 503 if the heap is fuller after the last collection than the configured fraction */
    private void checkMemory() {
        double used = heapUsedAfterGc();
        if (used > config.maxHeapUsage) {
            metrics.rejected("memory");
            throw HttpError.overloaded(503, "low_memory", String.format(Locale.ROOT,
                    "the server's heap is %.0f%% full after the last collection (limit %.0f%%); retry later",
                    used * 100, config.maxHeapUsage * 100), 5);
        }
    }

    private static double heapUsedAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                MemoryUsage usage = pool.getCollectionUsage();
                if (usage != null) {
                    used += usage.getUsed();
                }
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        return max <= 0 || max == Long.MAX_VALUE ? 0 : (double) used / max;
    }

    private static ExecutionResult cancelled(String message) {
        return ExecutionResult.notRun(Status.CANCELLED, message);
    }

    // ---------------------------------------------------------------------------------------------- dispatch

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        activeExchanges.incrementAndGet();
        String route = "unmatched";
        String method = exchange.getRequestMethod();
        Response response;
        try {
            try {
                String rawPath = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "");
                if (stopping && !"/v1/health".equals(rawPath)) {
                    metrics.rejected("stopping");
                    throw Admission.stopping();
                }
                checkHost(exchange);
                String tenant = tenants.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
                if (tenant == null && !router.isPublic(rawPath)) {
                    boolean presented = exchange.getRequestHeaders().containsKey("Authorization");
                    throw new HttpError(401, "unauthorized", presented ? "the bearer token is not valid"
                            : "this server needs 'Authorization: Bearer <token>'")
                            .header("WWW-Authenticate", "Bearer realm=\"sandlot\""
                                    + (presented ? ", error=\"invalid_token\"" : ""));
                }
                Router.Match match = router.match(method, rawPath);
                route = match.route().pattern();
                response = match.route().handler().handle(
                        new Call(exchange, tenant, match.parameters(), config.maxBodyBytes));
            } catch (HttpError e) {
                response = Response.error(e);
            } catch (IllegalArgumentException e) {
                response = Response.error(HttpError.badRequest(e.getMessage()));
            } catch (IOException e) {
                response = Response.error(new HttpError(400, "bad_request", "cannot read the request: " + e.getMessage()));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "internal error answering " + method + " " + route, e);
                response = Response.error(new HttpError(500, "internal_error", "internal error: " + e));
            }
            send(exchange, response);
            metrics.request(route, method, response.status(), System.nanoTime() - start);
        } finally {
            exchange.close();
            activeExchanges.decrementAndGet();
        }
    }

    /**
     * Without tokens, answers only requests addressed to a loopback name: a web page the user visits cannot then
     * talk to the server through a DNS name it controls (DNS rebinding).
     */
    private void checkHost(HttpExchange exchange) {
        if (tenants.required()) {
            return;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, Math.max(1, name.indexOf(']') + 1));
        } else if (name.lastIndexOf(':') > 0) {
            name = name.substring(0, name.lastIndexOf(':'));
        }
        if (name.equals("localhost") || name.equals("[::1]") || name.startsWith("127.")
                || name.equals(config.host.toLowerCase(Locale.ROOT))) {
            return;
        }
        throw new HttpError(403, "forbidden_host", "Host '" + host + "' is not a loopback name; a server without "
                + "tokens answers only requests to localhost, 127.0.0.1 or [::1]");
    }

    private void send(HttpExchange exchange, Response response) {
        try {
            var headers = exchange.getResponseHeaders();
            if (response.contentType() != null) {
                headers.set("Content-Type", response.contentType());
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Cache-Control", "no-store");
            response.headers().forEach(headers::set);
            if (stopping) {
                headers.set("Connection", "close");
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Builds a {@link SandboxServer}; every setter fails fast with a message naming the setting. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private List<String> tokens = List.of();
        private SandboxFactory factory;
        private int maxConcurrency = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        private int tenantConcurrency;
        private int queueSize = 64;
        private int tenantQueueSize;
        private Duration queueTimeout = Duration.ofSeconds(30);
        private Limits defaultLimits = Limits.DEFAULT;
        private Limits maxLimits = DEFAULT_MAX_LIMITS;
        private int maxSessions = 32;
        private int sessionsPerTenant = 8;
        private Duration sessionTtl = Duration.ofMinutes(10);
        private Duration maxSessionTtl = Duration.ofHours(1);
        private long sessionFileQuotaBytes = 16L << 20;
        private Duration sweepInterval = Duration.ofSeconds(1);
        private long maxBodyBytes = 16L << 20;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private double maxHeapUsage = 0.9;
        private boolean warmUp;
        private final Map<Language, Integer> contextPools = new java.util.EnumMap<>(Language.class);
        private int warmUpRounds;

        private Builder() {
        }

        /** The address to listen on (default {@code 127.0.0.1}); a non-loopback address needs tokens. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 8080); 0 picks a free one, see {@link SandboxServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The bearer tokens, each a tenant (default: none, loopback only, one anonymous tenant). */
        public Builder tokens(Collection<String> tokens) {
            this.tokens = List.copyOf(tokens);
            new Tenants(this.tokens);
            return this;
        }

        /**
         * Runs executions on {@code factory} rather than on a factory of the server's own; the server then does not
         * close it. The server admits at most the factory's {@link SandboxFactory#maxConcurrency()} at once.
         */
        public Builder factory(SandboxFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Executions that run at once, all tenants together (default: twice the processors, at least 2). */
        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = atLeast("maxConcurrency", maxConcurrency, 1);
            return this;
        }

        /**
         * Executions one tenant may run at once (default: {@code maxConcurrency - 1} with several tenants, so
         * that a tenant whose guests spin can never take every slot; all of them with one tenant).
         */
        public Builder tenantConcurrency(int tenantConcurrency) {
            this.tenantConcurrency = atLeast("tenantConcurrency", tenantConcurrency, 1);
            return this;
        }

        /** Requests that may wait for a slot, all tenants together (default 64); beyond, 503. */
        public Builder queueSize(int queueSize) {
            this.queueSize = atLeast("queueSize", queueSize, 0);
            return this;
        }

        /** Requests one tenant may have waiting (default: its equal share of the queue); beyond, 429. */
        public Builder tenantQueueSize(int tenantQueueSize) {
            this.tenantQueueSize = atLeast("tenantQueueSize", tenantQueueSize, 1);
            return this;
        }

        /** How long a request may wait for a slot before it gets 503 (default 30 s). */
        public Builder queueTimeout(Duration queueTimeout) {
            this.queueTimeout = positive("queueTimeout", queueTimeout);
            return this;
        }

        /** The limits of requests that bring none (default {@link Limits#DEFAULT}). */
        public Builder defaultLimits(Limits defaultLimits) {
            this.defaultLimits = Objects.requireNonNull(defaultLimits, "defaultLimits");
            return this;
        }

        /**
         * The most a request or session may ask for, per limit; {@code 0} means no maximum. A request that turns a
         * limit off ({@code 0}) exceeds any maximum. Default {@link #DEFAULT_MAX_LIMITS}.
         */
        public Builder maxLimits(Limits maxLimits) {
            this.maxLimits = Objects.requireNonNull(maxLimits, "maxLimits");
            return this;
        }

        /** Sessions the server holds, all tenants together (default 32); beyond, 503. */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = atLeast("maxSessions", maxSessions, 0);
            return this;
        }

        /** Sessions one tenant may hold (default 8); beyond, 429. */
        public Builder sessionsPerTenant(int sessionsPerTenant) {
            this.sessionsPerTenant = atLeast("sessionsPerTenant", sessionsPerTenant, 0);
            return this;
        }

        /** Idle time after which a session is closed, unless it asks for another (default 10 min). */
        public Builder sessionTtl(Duration sessionTtl) {
            this.sessionTtl = positive("sessionTtl", sessionTtl);
            return this;
        }

        /** The longest idle TTL a session may ask for (default 1 h). */
        public Builder maxSessionTtl(Duration maxSessionTtl) {
            this.maxSessionTtl = positive("maxSessionTtl", maxSessionTtl);
            return this;
        }

        /** Bytes of files each session may hold (default 16 MiB). */
        public Builder sessionFileQuotaBytes(long sessionFileQuotaBytes) {
            if (sessionFileQuotaBytes < 1) {
                throw new IllegalArgumentException("sessionFileQuotaBytes must be >= 1, was " + sessionFileQuotaBytes);
            }
            this.sessionFileQuotaBytes = sessionFileQuotaBytes;
            return this;
        }

        /** How often idle sessions are looked for (default 1 s); an expired session is also closed on access. */
        public Builder sessionSweepInterval(Duration sweepInterval) {
            this.sweepInterval = positive("sessionSweepInterval", sweepInterval);
            return this;
        }

        /** The largest request body, in bytes (default 16 MiB); beyond, 413. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** How long {@link SandboxServer#close()} lets running executions finish before cancelling them (10 s). */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must be >= 0, was " + shutdownTimeout);
            }
            return this;
        }

        /**
         * The fraction of the maximum heap that may be in use after a collection before new executions and sessions
         * get 503 (default 0.9): the server's guard on total memory, since sessions keep what their guests retain.
         */
        public Builder maxHeapUsage(double maxHeapUsage) {
            if (!(maxHeapUsage > 0 && maxHeapUsage <= 1)) {
                throw new IllegalArgumentException("maxHeapUsage must be in (0, 1], was " + maxHeapUsage);
            }
            this.maxHeapUsage = maxHeapUsage;
            return this;
        }

        /**
         * Keeps {@code size} pre-warmed contexts of {@code language} ready for stateless executions; see
         * {@link SandboxFactory.Builder#contextPool}. Default 0; ignored with {@link #factory(SandboxFactory)}.
         */
        public Builder contextPool(Language language, int size) {
            SandboxFactory.newBuilder().contextPool(language, size);
            contextPools.put(Objects.requireNonNull(language, "language"), size);
            return this;
        }

        /**
         * Throwaway warm-up contexts per pooled language; see {@link SandboxFactory.Builder#warmUpRounds}. Default 0;
         * ignored with {@link #factory(SandboxFactory)}.
         */
        public Builder warmUpRounds(int rounds) {
            this.warmUpRounds = atLeast("warmUpRounds", rounds, 0);
            return this;
        }

        /** Whether {@link SandboxServer#start()} first runs a trivial execution per language (default false). */
        public Builder warmUp(boolean warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        /**
         * Returns the server, not yet listening; see {@link SandboxServer#start()}.
         *
         * @throws IllegalArgumentException if the configuration is inconsistent: a non-loopback host without tokens,
         *     default limits above the maximums, a default session TTL above the maximum
         */
        public SandboxServer build() {
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("host '" + host + "' cannot be resolved", e);
            }
            if (!address.isLoopbackAddress() && tokens.isEmpty()) {
                throw new IllegalArgumentException("refusing to listen on " + host + " without tokens: anyone who can "
                        + "reach it could run code; pass --token or --tokens-file, or listen on 127.0.0.1");
            }
            defaultLimits.toMap().forEach((name, value) -> {
                long max = maxLimits.get(name);
                if (max > 0 && (value == 0 || value > max)) {
                    throw new IllegalArgumentException("default limit " + name + "=" + value
                            + " is above the maximum of " + max);
                }
            });
            if (sessionTtl.compareTo(maxSessionTtl) > 0) {
                throw new IllegalArgumentException("sessionTtl " + sessionTtl.toSeconds()
                        + " s is above maxSessionTtl " + maxSessionTtl.toSeconds() + " s");
            }
            return new SandboxServer(this);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
