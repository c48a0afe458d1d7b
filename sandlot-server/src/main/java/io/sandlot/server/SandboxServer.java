package io.sandlot.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.local.SandboxFactory;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    public static final Limits DEFAULT_MAX_LIMITS = ServiceConfig.DEFAULT_MAX_LIMITS;

    private static final System.Logger LOG = System.getLogger(SandboxServer.class.getName());
    private static final String OPENAPI_RESOURCE = "/io/sandlot/server/openapi.json";

    static {
        // The JDK server reads these once. Nagle's algorithm would add up to 40 ms to small responses; a request
        // (headers and body) that takes longer than 60 s to arrive is a slow-loris client and is cut off.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", "60");
        setIfAbsent("jdk.httpserver.maxConnections", "1000");
    }

    private final ServerConfig config;
    private final Tenants tenants;
    private final SandboxService service;
    private final Metrics metrics = new Metrics();
    private final Router router = new Router();
    private final JupyterApi jupyter;
    private final AtomicInteger activeExchanges = new AtomicInteger();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean stopping;
    private HttpServer http;
    private ExecutorService requestThreads;

    private SandboxServer(ServiceConfig serviceConfig, ServerConfig config) {
        this.config = config;
        this.tenants = new Tenants(config.tokens(), config.anonymous());
        this.service = new SandboxService(serviceConfig, metrics);
        metrics.watch(service, activeExchanges::get);
        new RestApi(service, metrics, openApi(), config.maxBodyBytes(), () -> stopping).addTo(router);
        jupyter = new JupyterApi(service, config.maxBodyBytes());
        jupyter.addTo(router);
    }

    /**
     * A server doing what {@code service} configures, over HTTP as {@code server} configures; not yet listening,
     * see {@link #start()}. The service is sized for as many tenants as the server has tokens.
     */
    public static SandboxServer create(ServiceConfig service, ServerConfig server) {
        int tenants = new Tenants(server.tokens(), server.anonymous()).count();
        ServiceConfig sized = service.tenants() == tenants ? service
                : ServiceConfig.newBuilder(service).tenants(tenants).build();
        return new SandboxServer(sized, server);
    }

    private static byte[] openApi() {
        try (InputStream in = SandboxServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (config.warmUp()) {
            warmUp();
        }
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        requestThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandlot-http-", 0).factory());
        http.setExecutor(requestThreads);
        http.createContext("/", this::handle);
        service.start();
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

    /** The service core this server is the HTTP adapter of; other adapters may share it. */
    public SandboxService service() {
        return service;
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Stops gracefully within {@link Builder#shutdownTimeout(Duration)}; see {@link #stop(Duration)}. */
    @Override
    public void close() {
        stop(config.shutdownTimeout());
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
            service.shutdown();
            if (http != null) {
                HttpServer server = http;
                // stop() closes the listening socket at once, then waits for open exchanges; the wait runs aside.
                Thread.ofPlatform().daemon().name("sandlot-http-stop").start(
                        () -> server.stop((int) Math.max(1, bound.toSeconds() + 2)));
            }
            awaitIdle(System.nanoTime() + bound.toNanos());
            if (activeExchanges.get() > 0) {
                LOG.log(System.Logger.Level.INFO, "cancelling what still runs after {0} ms", bound.toMillis());
                service.cancelRunning();
                awaitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            }
            service.close();
            if (requestThreads != null) {
                requestThreads.shutdown();
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
        service.warmUp();
    }

    /** The Jupyter kernel gateway's REST routes and messaging protocol. */
    JupyterApi jupyter() {
        return jupyter;
    }

    /** The routes, for the OpenAPI check. */
    List<Router.Route> routeTable() {
        return router.routes();
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
                    throw ServiceException.stopping();
                }
                checkHost(exchange);
                String tenant = tenants.authenticate(exchange.getRequestHeaders().getFirst("Authorization"), rawPath,
                        exchange.getRequestURI().getRawQuery());
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
                        new Call(exchange, tenant, match.parameters(), config.maxBodyBytes()));
            } catch (HttpError e) {
                response = Response.error(e);
            } catch (ServiceException e) {
                response = Response.error(HttpError.of(e));
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
     * Without tokens or with anonymous requests, answers only requests addressed to a loopback name: a web page the
     * user visits cannot then talk to the server through a DNS name it controls (DNS rebinding).
     */
    private void checkHost(HttpExchange exchange) {
        if (tenants.required() && !config.anonymous()) {
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
                || name.equals(config.host().toLowerCase(Locale.ROOT))) {
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

    /**
     * Builds a {@link SandboxServer}: collects the settings of its {@link ServiceConfig} and its
     * {@link ServerConfig}, and makes both immutable snapshots at {@link #build()}. Every setter fails fast with a
     * message naming the setting.
     */
    public static final class Builder {
        private final ServiceConfig.Builder service = ServiceConfig.newBuilder();
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private List<String> tokens = List.of();
        private long maxBodyBytes = 16L << 20;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private boolean warmUp;
        private boolean anonymous;

        private Builder() {
        }

        /** The address to listen on (default {@code 127.0.0.1}); a non-loopback address needs tokens. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 8080); 0 picks a free one, see {@link SandboxServer#port()}. */
        public Builder port(int port) {
            this.port = ServerConfig.checkPort(port);
            return this;
        }

        /** The bearer tokens, each a tenant (default: none, loopback only, one anonymous tenant). */
        public Builder tokens(Collection<String> tokens) {
            List<String> copy = List.copyOf(tokens);
            new Tenants(copy);
            this.tokens = copy;
            return this;
        }

        /** See {@link ServiceConfig.Builder#factory(SandboxFactory)}. */
        public Builder factory(SandboxFactory factory) {
            service.factory(factory);
            return this;
        }

        /** See {@link ServiceConfig.Builder#maxConcurrency(int)}. */
        public Builder maxConcurrency(int maxConcurrency) {
            service.maxConcurrency(maxConcurrency);
            return this;
        }

        /** See {@link ServiceConfig.Builder#tenantConcurrency(int)}. */
        public Builder tenantConcurrency(int tenantConcurrency) {
            service.tenantConcurrency(tenantConcurrency);
            return this;
        }

        /** Requests that may wait for a slot, all tenants together (default 64); beyond, 503. */
        public Builder queueSize(int queueSize) {
            service.queueSize(queueSize);
            return this;
        }

        /** Requests one tenant may have waiting (default: its equal share of the queue); beyond, 429. */
        public Builder tenantQueueSize(int tenantQueueSize) {
            service.tenantQueueSize(tenantQueueSize);
            return this;
        }

        /** How long a request may wait for a slot before it gets 503 (default 30 s). */
        public Builder queueTimeout(Duration queueTimeout) {
            service.queueTimeout(queueTimeout);
            return this;
        }

        /** See {@link ServiceConfig.Builder#defaultLimits(Limits)}. */
        public Builder defaultLimits(Limits defaultLimits) {
            service.defaultLimits(defaultLimits);
            return this;
        }

        /** See {@link ServiceConfig.Builder#maxLimits(Limits)}; default {@link #DEFAULT_MAX_LIMITS}. */
        public Builder maxLimits(Limits maxLimits) {
            service.maxLimits(maxLimits);
            return this;
        }

        /** Sessions the server holds, all tenants together (default 32); beyond, 503. */
        public Builder maxSessions(int maxSessions) {
            service.maxSessions(maxSessions);
            return this;
        }

        /** Sessions one tenant may hold (default 8); beyond, 429. */
        public Builder sessionsPerTenant(int sessionsPerTenant) {
            service.sessionsPerTenant(sessionsPerTenant);
            return this;
        }

        /** See {@link ServiceConfig.Builder#sessionTtl(Duration)}. */
        public Builder sessionTtl(Duration sessionTtl) {
            service.sessionTtl(sessionTtl);
            return this;
        }

        /** See {@link ServiceConfig.Builder#maxSessionTtl(Duration)}. */
        public Builder maxSessionTtl(Duration maxSessionTtl) {
            service.maxSessionTtl(maxSessionTtl);
            return this;
        }

        /** See {@link ServiceConfig.Builder#sessionFileQuotaBytes(long)}. */
        public Builder sessionFileQuotaBytes(long sessionFileQuotaBytes) {
            service.sessionFileQuotaBytes(sessionFileQuotaBytes);
            return this;
        }

        /** See {@link ServiceConfig.Builder#sessionSweepInterval(Duration)}. */
        public Builder sessionSweepInterval(Duration sweepInterval) {
            service.sessionSweepInterval(sweepInterval);
            return this;
        }

        /** The largest request body, in bytes (default 16 MiB); beyond, 413. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = ServerConfig.checkMaxBodyBytes(maxBodyBytes);
            return this;
        }

        /** How long {@link SandboxServer#close()} lets running executions finish before cancelling them (10 s). */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = ServerConfig.checkShutdownTimeout(shutdownTimeout);
            return this;
        }

        /** See {@link ServiceConfig.Builder#maxHeapUsage(double)}; beyond it, new executions and sessions get 503. */
        public Builder maxHeapUsage(double maxHeapUsage) {
            service.maxHeapUsage(maxHeapUsage);
            return this;
        }

        /** See {@link ServiceConfig.Builder#contextPool(Language, int)}. */
        public Builder contextPool(Language language, int size) {
            service.contextPool(language, size);
            return this;
        }

        /** See {@link ServiceConfig.Builder#warmUpRounds(int)}. */
        public Builder warmUpRounds(int rounds) {
            service.warmUpRounds(rounds);
            return this;
        }

        /** Whether {@link SandboxServer#start()} first runs a trivial execution per language (default false). */
        public Builder warmUp(boolean warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        /** See {@link ServerConfig#anonymous()} (default false); refused with a non-loopback host. */
        public Builder anonymous(boolean anonymous) {
            this.anonymous = anonymous;
            return this;
        }

        /**
         * Returns the server, not yet listening; see {@link SandboxServer#start()}.
         *
         * @throws IllegalArgumentException if the configuration is inconsistent: a non-loopback host without tokens,
         *     default limits above the maximums, a default session TTL above the maximum
         */
        public SandboxServer build() {
            ServerConfig server = new ServerConfig(host, port, tokens, maxBodyBytes, shutdownTimeout, warmUp,
                    anonymous);
            return create(service.tenants(new Tenants(tokens, anonymous).count()).build(), server);
        }
    }
}
