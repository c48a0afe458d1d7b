package io.sandlot.server;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.local.SandboxFactory;
import io.sandlot.server.jupyter.KernelSocket;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

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
 * <p>Built on Jetty 12 (core, no servlet container) with one virtual thread per request. Request threads only
 * parse, queue and wait: guests always run on the {@link SandboxFactory}'s own threads. In front of execution sits
 * a bounded, per-tenant fair queue ({@link Builder#tenantConcurrency}, {@link Builder#queueSize}): when it is full,
 * requests get 429 or 503 with {@code Retry-After} instead of waiting without bound.
 *
 * <p>Without tokens the server listens on loopback only and answers only requests whose {@code Host} is a loopback
 * name (so a web page cannot reach it through DNS rebinding). With tokens, every request but
 * {@code GET /v1/health} needs {@code Authorization: Bearer <token>} (or {@code Authorization: token <token>}, or
 * {@code ?token=<token>}); each token is a tenant, and a session is visible to its tenant only.
 *
 * <p>Other front ends share the port, the tenants and the {@link #service()}: before {@link #start()}, register a
 * WebSocket route ({@link #addWebSocket}) or mount a Jetty handler, such as a servlet context, at a path
 * ({@link #mount}). Both are authenticated by the same rules as the REST API.
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

    /**
     * The request attribute under which a {@link #mount mounted} handler finds the caller's tenant (a
     * {@code String}); a servlet reads it with {@code request.getAttribute(SandboxServer.TENANT_ATTRIBUTE)}.
     */
    public static final String TENANT_ATTRIBUTE = HttpDispatcher.TENANT_ATTRIBUTE;

    private static final System.Logger LOG = System.getLogger(SandboxServer.class.getName());
    private static final String OPENAPI_RESOURCE = "/io/sandlot/server/openapi.json";
    /** Open connections beyond which the server stops accepting until one closes. */
    private static final int MAX_CONNECTIONS = 1000;
    /** The request line and headers together, at most; beyond, 431 (browsers on localhost may carry big cookies). */
    private static final int REQUEST_HEADER_BYTES = 64 * 1024;
    /** A connection with no byte in or out for this long is closed (a slow or vanished client). */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final ServerConfig config;
    private final Tenants tenants;
    private final SandboxService service;
    private final Metrics metrics = new Metrics();
    private final Router router = new Router();
    private final HttpDispatcher dispatcher;
    private final JupyterApi jupyter;
    private final McpEndpoint mcp;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean stopping;
    private Server jetty;
    private ServerConnector connector;
    private ExecutorService requestThreads;
    private volatile int port = -1;

    private SandboxServer(ServiceConfig serviceConfig, ServerConfig config) {
        this.config = config;
        this.tenants = new Tenants(config.tokens(), config.anonymous());
        this.service = new SandboxService(serviceConfig, metrics);
        this.dispatcher = new HttpDispatcher(router, tenants, metrics, config.host(), config.maxBodyBytes(),
                () -> stopping);
        metrics.watch(service, dispatcher::active);
        new RestApi(service, metrics, openApi(), config.maxBodyBytes(), () -> stopping).addTo(router);
        jupyter = new JupyterApi(service, config.maxBodyBytes());
        jupyter.addTo(router);
        addWebSocket("/api/kernels/{id}/channels", upgrade -> {
            String subProtocol = KernelSocket.negotiate(upgrade.request().getSubProtocols());
            KernelSocket socket = KernelSocket.connect(jupyter.channels(), upgrade.tenant(), upgrade.parameter("id"),
                    Request.extractQueryParameters(upgrade.request()).getValue("session_id"), subProtocol,
                    jupyter.pings());
            if (subProtocol != null) {
                upgrade.response().setAcceptedSubProtocol(subProtocol);
            }
            return socket;
        });
        mcp = new McpEndpoint(service, config.maxBodyBytes());
        mount(McpEndpoint.PATH, mcp.handler());
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
     * Registers a WebSocket endpoint at {@code pattern} (the REST routes' syntax: literal segments and
     * {@code {name}}, such as {@code /api/kernels/{id}/channels}). A {@code GET} upgrade to a matching path is
     * authenticated like a REST call (and, without tokens, must come from a loopback {@code Origin} if it names
     * one), then {@code route} opens the endpoint; a matching request that is not an upgrade gets 400. WebSocket
     * routes are matched before REST routes.
     *
     * @return this server
     * @throws IllegalStateException if the server was already started
     * @throws IllegalArgumentException if the pattern does not start with {@code /}
     */
    public synchronized SandboxServer addWebSocket(String pattern, WebSocketRoute route) {
        requireNotStarted();
        Objects.requireNonNull(route, "route");
        if (!Objects.requireNonNull(pattern, "pattern").startsWith("/")) {
            throw new IllegalArgumentException("a WebSocket pattern must start with '/', was '" + pattern + "'");
        }
        dispatcher.addWebSocket(pattern, route);
        return this;
    }

    /**
     * Mounts a Jetty handler at {@code path}: requests to {@code path} or below it are authenticated like REST calls
     * (every one needs a token when the server has tokens), carry their tenant in the request attribute
     * {@link #TENANT_ATTRIBUTE}, and are then handled by {@code handler} (with its own status codes and bodies; a
     * handler that declines gets 404). The handler is started and stopped with the server. A servlet goes in a
     * {@code ServletContextHandler} whose context path is {@code path}. Mounts are matched before all routes. A
     * request counts as running until the handler completes its callback, so a stop waits for an open stream (such
     * as server-sent events) up to its bound like for an execution, then closes it.
     *
     * @return this server
     * @throws IllegalStateException if the server was already started
     * @throws IllegalArgumentException if {@code path} is not {@code /} plus segments without a trailing slash, or
     *     is already mounted
     */
    public synchronized SandboxServer mount(String path, Handler handler) {
        requireNotStarted();
        Objects.requireNonNull(handler, "handler");
        if (!Objects.requireNonNull(path, "path").matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("a mount path is '/' plus segments of letters, digits and ._~-, "
                    + "without a trailing slash, such as /mcp; was '" + path + "'");
        }
        dispatcher.mount(path, handler);
        return this;
    }

    private void requireNotStarted() {
        if (jetty != null) {
            throw new IllegalStateException("the server was already started; register routes before start()");
        }
    }

    /**
     * Binds the address and starts answering. With {@link Builder#warmUp(boolean)}, runs a trivial execution per
     * language first, so that the first requests do not pay for starting the engines.
     *
     * @return this server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public synchronized SandboxServer start() {
        if (jetty != null) {
            throw new IllegalStateException("the server was already started");
        }
        if (config.warmUp()) {
            warmUp();
        }
        requestThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandlot-http-", 0).factory());
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("sandlot-jetty");
        threads.setVirtualThreadsExecutor(requestThreads);
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        // The raw path reaches the Router as sent, as it did on the JDK server: the Router percent-decodes each
        // segment strictly (400 for a bad escape or bad UTF-8, naming the path), and a file path is normalised in
        // the session's tree by the service. Jetty's default would refuse %2F, %2E%2E and bad UTF-8 itself, with
        // messages that do not name the problem.
        http.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(128);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(dispatcher);
        if (dispatcher.hasWebSockets()) {
            ServerWebSocketContainer webSockets = ServerWebSocketContainer.ensure(jetty);
            webSockets.setMaxTextMessageSize(config.maxBodyBytes());
            webSockets.setMaxBinaryMessageSize(config.maxBodyBytes());
            dispatcher.useContainer(webSockets);
        }
        service.start();
        try {
            jetty.start();
        } catch (Exception e) {
            stopJetty();
            requestThreads.shutdown();
            service.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        port = connector.getLocalPort();
        return this;
    }

    /** The port the server listens on (useful after {@link Builder#port(int) port(0)}); still known after stop. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("the server is not started");
        }
        return port;
    }

    /** The base URI, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host;
        try {
            host = InetAddress.getByName(config.host()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("host '" + config.host() + "' no longer resolves", e);
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
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
     * rest (their callers get a {@code cancelled} result); closes every session and WebSocket; and, if the server
     * created its factory, closes it. Idempotent.
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
            mcp.close();
            jupyter.close();
            if (connector != null) {
                connector.shutdown();   // closes the listening socket now; open connections stay until jetty stops
            }
            awaitIdle(System.nanoTime() + bound.toNanos());
            if (dispatcher.active() > 0) {
                LOG.log(System.Logger.Level.INFO, "cancelling what still runs after {0} ms", bound.toMillis());
                service.cancelRunning();
                awaitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            }
            stopJetty();
            service.close();
            if (requestThreads != null) {
                requestThreads.shutdown();
            }
        } finally {
            terminated.countDown();
        }
    }

    private void stopJetty() {
        if (jetty == null) {
            return;
        }
        try {
            jetty.setStopTimeout(0);
            jetty.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the HTTP server failed", e);
        }
    }

    private void awaitIdle(long deadlineNanos) {
        while (dispatcher.active() > 0 && System.nanoTime() < deadlineNanos) {
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

        /** See {@link ServiceConfig.Builder#nodeId(String)}: session and kernel ids then start with {@code nodeId.}. */
        public Builder nodeId(String nodeId) {
            service.nodeId(nodeId);
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
