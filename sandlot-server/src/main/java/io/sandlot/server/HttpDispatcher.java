package io.sandlot.server;

import io.sandlot.service.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The one Jetty handler of a {@link SandboxServer}: checks the {@code Host}, authenticates the caller (token to
 * tenant), then hands the request to a mounted handler, a WebSocket route, or the {@link Router}'s REST routes, and
 * writes their {@link Response}. Every request is counted in {@link #active()} until its answer is written, which is
 * what a graceful stop waits for.
 *
 * <p>Credentials, on every path: {@code Authorization: Bearer <token>}, {@code Authorization: token <token>} (what
 * Jupyter clients send), or a {@code ?token=<token>} query parameter (what a browser's WebSocket can send).
 */
final class HttpDispatcher extends Handler.Abstract {

    /** The request attribute that holds the authenticated tenant, for mounted handlers. */
    static final String TENANT_ATTRIBUTE = "io.sandlot.tenant";

    private static final System.Logger LOG = System.getLogger(HttpDispatcher.class.getName());
    private static final String HEALTH = "/v1/health";

    private record Mount(String path, Handler handler) {
        boolean matches(String rawPath) {
            return rawPath.equals(path) || rawPath.startsWith(path + "/");
        }
    }

    private record WebSocket(String pattern, WebSocketRoute route) {
    }

    private final Router router;
    private final Tenants tenants;
    private final Metrics metrics;
    private final String host;
    private final long maxBodyBytes;
    private final BooleanSupplier stopping;
    private final AtomicInteger active = new AtomicInteger();
    private final List<Mount> mounts = new CopyOnWriteArrayList<>();
    private final List<WebSocket> webSockets = new CopyOnWriteArrayList<>();
    private volatile ServerWebSocketContainer container;

    HttpDispatcher(Router router, Tenants tenants, Metrics metrics, String host, long maxBodyBytes,
            BooleanSupplier stopping) {
        super(InvocationType.BLOCKING);
        this.router = router;
        this.tenants = tenants;
        this.metrics = metrics;
        this.host = host.toLowerCase(Locale.ROOT);
        this.maxBodyBytes = maxBodyBytes;
        this.stopping = stopping;
    }

    /** Mounted handlers belong to the same server (a context handler needs it to start). */
    @Override
    public void setServer(org.eclipse.jetty.server.Server server) {
        super.setServer(server);
        mounts.forEach(mount -> mount.handler().setServer(server));
    }

    /** Requests being handled or answered. */
    int active() {
        return active.get();
    }

    void mount(String path, Handler handler) {
        if (mounts.stream().anyMatch(m -> m.path().equals(path))) {
            throw new IllegalArgumentException("a handler is already mounted at " + path);
        }
        addBean(handler, true);
        mounts.add(new Mount(path, handler));
    }

    void addWebSocket(String pattern, WebSocketRoute route) {
        webSockets.add(new WebSocket(pattern, route));
    }

    boolean hasWebSockets() {
        return !webSockets.isEmpty();
    }

    /** The container WebSocket upgrades go through; set before the server starts, if any route is registered. */
    void useContainer(ServerWebSocketContainer container) {
        this.container = container;
    }

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        active.incrementAndGet();
        Exchange exchange = new Exchange(callback, response, request.getMethod());
        Response answer;
        try {
            answer = dispatch(request, response, exchange);
        } catch (Exception e) {
            answer = answerTo(e, exchange.method, exchange.route);
        }
        if (answer != null) {
            send(response, answer, exchange);
        }
        return true;
    }

    /** One request until its answer is written: the callback that ends it, counts it and times it by route. */
    private final class Exchange extends Callback.Nested {
        private final org.eclipse.jetty.server.Response response;
        private final String method;
        private final long start = System.nanoTime();
        private volatile String route = "unmatched";

        Exchange(Callback callback, org.eclipse.jetty.server.Response response, String method) {
            super(callback);
            this.response = response;
            this.method = method;
        }

        @Override
        public void succeeded() {
            finish();
            super.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            finish();
            super.failed(failure);
        }

        private void finish() {
            metrics.request(route, method, response.getStatus(), System.nanoTime() - start);
            active.decrementAndGet();
        }
    }

    /** The answer to write, or null if a mounted handler or a WebSocket upgrade took the request over. */
    private Response dispatch(Request request, org.eclipse.jetty.server.Response response, Exchange exchange)
            throws Exception {
        String rawPath = Objects.requireNonNullElse(request.getHttpURI().getPath(), "");
        if (stopping.getAsBoolean() && !HEALTH.equals(rawPath)) {
            metrics.rejected("stopping");
            throw ServiceException.stopping();
        }
        checkHost(request);
        checkOrigin(request);
        String tenant = authenticate(request);
        for (Mount mount : mounts) {
            if (mount.matches(rawPath)) {
                exchange.route = mount.path();
                requireTenant(tenant, request);
                request.setAttribute(TENANT_ATTRIBUTE, tenant);
                if (!mount.handler().handle(request, response, exchange)) {
                    throw HttpError.notFound("not_found", "no route for " + rawPath);
                }
                return null;
            }
        }
        if ("GET".equals(exchange.method)) {
            for (WebSocket webSocket : webSockets) {
                Map<String, String> parameters = Router.matchPath(webSocket.pattern(), rawPath);
                if (parameters != null) {
                    exchange.route = webSocket.pattern();
                    requireTenant(tenant, request);
                    return upgrade(webSocket, tenant, parameters, request, response, exchange);
                }
            }
        }
        if (tenant == null && !router.isPublic(rawPath)) {
            requireTenant(null, request);
        }
        Router.Match match = router.match(exchange.method, rawPath);
        exchange.route = match.route().pattern();
        return match.route().handler().handle(new Call(request, tenant, match.parameters(), maxBodyBytes));
    }

    private Response upgrade(WebSocket webSocket, String tenant, Map<String, String> parameters, Request request,
            org.eclipse.jetty.server.Response response, Callback done) throws Exception {
        WebSocketRoute route = webSocket.route();
        String pattern = webSocket.pattern();
        ServerWebSocketContainer upgrader = container;
        if (upgrader == null) {
            throw new IllegalStateException("WebSocket routes need the container set at start");
        }
        boolean upgraded = upgrader.upgrade((upgradeRequest, upgradeResponse, callback) -> {
            Response refusal;
            try {
                Object endpoint = route.open(new WebSocketRoute.Upgrade(tenant, parameters, upgradeRequest,
                        upgradeResponse));
                if (endpoint != null) {
                    return endpoint;
                }
                refusal = Response.error(new HttpError(500, "internal_error", "the WebSocket route gave no endpoint"));
            } catch (Exception e) {
                refusal = answerTo(e, "GET", pattern);
            }
            send(upgradeResponse, refusal, callback);
            return null;
        }, request, response, done);
        if (!upgraded) {
            throw new HttpError(400, "websocket_expected", "this path answers only a WebSocket upgrade "
                    + "(GET with 'Connection: Upgrade' and 'Upgrade: websocket')");
        }
        return null;
    }

    private Response answerTo(Exception e, String method, String route) {
        if (e instanceof HttpError error) {
            return Response.error(error);
        }
        if (e instanceof ServiceException refusal) {
            return Response.error(HttpError.of(refusal));
        }
        if (e instanceof IllegalArgumentException) {
            return Response.error(HttpError.badRequest(e.getMessage()));
        }
        if (e instanceof IOException) {
            return Response.error(new HttpError(400, "bad_request", "cannot read the request: " + e.getMessage()));
        }
        LOG.log(System.Logger.Level.ERROR, "internal error answering " + method + " " + route, e);
        return Response.error(new HttpError(500, "internal_error", "internal error: " + e));
    }

    /**
     * The tenant the request's credentials name, or null if they name none. The token may come as a query parameter
     * only where clients cannot send a header (a browser's WebSocket) or do not (Jupyter's {@code /api} clients):
     * elsewhere a token in the URL would only end up in access logs and proxies.
     */
    private String authenticate(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null || !tenants.required()) {
            return tenants.authenticate(authorization);
        }
        return tenants.authenticateToken(acceptsQueryToken(request) ? queryParameter(request, "token") : null);
    }

    private static boolean acceptsQueryToken(Request request) {
        String path = request.getHttpURI().getPath();
        return path.equals("/api") || path.startsWith("/api/")
                || "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
    }

    private void requireTenant(String tenant, Request request) {
        if (tenant != null) {
            return;
        }
        boolean presented = request.getHeaders().contains(HttpHeader.AUTHORIZATION)
                || queryParameter(request, "token") != null;
        throw new HttpError(401, "unauthorized", presented ? "the bearer token is not valid"
                : "this server needs 'Authorization: Bearer <token>'")
                .header("WWW-Authenticate", "Bearer realm=\"sandlot\"" + (presented ? ", error=\"invalid_token\"" : ""));
    }

    /**
     * The first value of the query parameter {@code name}, or null.
     *
     * @throws HttpError 400 if the query is not valid percent-encoded UTF-8
     */
    static String queryParameter(Request request, String name) {
        if (request.getHttpURI().getQuery() == null) {
            return null;
        }
        Fields query;
        try {
            query = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw HttpError.badRequest("malformed query string: " + e.getMessage());
        }
        return query.getValue(name);
    }

    /**
     * When requests may come without credentials (no tokens, or anonymous ones allowed), answers only requests
     * addressed to a loopback name: a web page the user visits cannot then talk to the server through a DNS name it
     * controls (DNS rebinding).
     */
    private void checkHost(Request request) {
        if (!tenants.acceptsAnonymous()) {
            return;
        }
        String value = request.getHeaders().get(HttpHeader.HOST);
        if (value == null) {
            return;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, Math.max(1, name.indexOf(']') + 1));
        } else if (name.lastIndexOf(':') > 0) {
            name = name.substring(0, name.lastIndexOf(':'));
        }
        if (!isLoopbackName(name)) {
            throw new HttpError(403, "forbidden_host", "Host '" + value + "' is not a loopback name; a server without "
                    + "tokens answers only requests to localhost, 127.0.0.1 or [::1]");
        }
    }

    /**
     * When requests may come without credentials, refuses any request a web page of another origin makes: browsers
     * let any page open a WebSocket to localhost (no same-origin rule applies) and send a cross-origin
     * {@code text/plain} POST without asking first, which Jupyter's routes accept as JSON; both carry the page's
     * {@code Origin}.
     */
    private void checkOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!tenants.acceptsAnonymous() || origin == null) {
            return;
        }
        String name;
        try {
            URI uri = new URI(origin.strip());
            name = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            name = "";
        }
        if (!isLoopbackName(name)) {
            throw new HttpError(403, "forbidden_origin", "Origin '" + origin + "' is not a loopback origin; a server "
                    + "without tokens accepts requests only from pages of localhost, 127.0.0.1 or [::1]");
        }
    }

    private boolean isLoopbackName(String name) {
        return name.equals("localhost") || name.equals("[::1]") || name.startsWith("127.") || name.equals(host);
    }

    /** Writes {@code answer} and completes {@code callback} when it is sent. */
    private void send(org.eclipse.jetty.server.Response response, Response answer, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        if (answer.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        answer.headers().forEach(headers::put);
        if (stopping.getAsBoolean()) {
            headers.put(HttpHeader.CONNECTION, "close");
        }
        response.setStatus(answer.status());
        byte[] body = answer.body();
        if (HttpStatus.hasNoBody(answer.status())) {
            response.write(true, null, callback);
            return;
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
