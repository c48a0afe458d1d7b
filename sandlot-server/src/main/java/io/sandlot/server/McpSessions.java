package io.sandlot.server;

import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MCP sessions of {@link McpEndpoint}, each bound to the tenant that opened it and bounded in time and number.
 *
 * <p>The SDK knows sessions by id only: another tenant that learnt an id could send calls on it (they would run as
 * that tenant) or end it with a DELETE. A request naming a session is let through only for the session's tenant and
 * only while the session is live here; any other is answered as the SDK answers an unknown id (404, "Session not
 * found"), which tells an MCP client to open a new session.
 *
 * <p>Each session holds memory in the SDK until it ends, and a client that never sends DELETE never ends it. So a
 * session ends here once it has been idle (no request, and none of its streams open) for the idle time, and a tenant
 * has at most a maximum of sessions: opening one more ends the tenant's least recently used idle one, or is refused
 * (429) if every one is in use. The SDK drops its own record of a session ended here when its sweeper finds it idle
 * (see {@link McpEndpoint}).
 */
final class McpSessions implements Filter {

    private static final String SESSION_HEADER = "Mcp-Session-Id";
    /** The SDK's code for an unknown session. */
    private static final int SESSION_NOT_FOUND = -32603;
    /** JSON-RPC's first implementation-defined server error. */
    private static final int TOO_MANY_SESSIONS = -32000;

    private final HttpServletStreamableServerTransportProvider transport;
    private final long idleNanos;
    private final int perTenant;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** One live session: its tenant, when a request last named it, and how many of its requests are still open. */
    private static final class Live {
        final String tenant;
        volatile long lastUsed;
        final AtomicInteger open = new AtomicInteger();

        Live(String tenant, long now) {
            this.tenant = tenant;
            this.lastUsed = now;
        }

        boolean idleSince(long cutoff) {
            return open.get() == 0 && lastUsed - cutoff <= 0;
        }
    }

    McpSessions(HttpServletStreamableServerTransportProvider transport, Duration idle, int perTenant) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.idleNanos = idle.toNanos();
        this.perTenant = perTenant;
        this.lastSweep = System.nanoTime();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String tenant = Objects.toString(request.getAttribute(SandboxServer.TENANT_ATTRIBUTE), "");
        String id = request.getHeader(SESSION_HEADER);
        long now = System.nanoTime();
        sweepIfDue(now);
        if (id == null) {
            if ("POST".equals(request.getMethod()) && !makeRoom(tenant)) {
                transport.responseError(response, 429, McpError.builder(TOO_MANY_SESSIONS)
                        .message("too many MCP sessions: this tenant has " + perTenant + " in use; end one with "
                                + "DELETE, or wait for one to be idle")
                        .build());
                return;
            }
            chain.doFilter(request, opening(response, tenant, now));
            return;
        }
        Live session = live.get(id);
        boolean owned = session != null && session.tenant.equals(tenant);
        if (!owned || session.idleSince(now - idleNanos)) {
            if (owned) {
                live.remove(id, session);   // expired
            }
            transport.responseError(response, HttpServletResponse.SC_NOT_FOUND,
                    McpError.builder(SESSION_NOT_FOUND).message("Session not found: " + id).build());
            return;
        }
        session.lastUsed = now;
        session.open.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            closeWhenDone(request, session);
        }
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_NOT_FOUND
                || "DELETE".equals(request.getMethod()) && status < HttpServletResponse.SC_BAD_REQUEST) {
            live.remove(id, session);   // the SDK no longer has it, or has just ended it
        }
    }

    /** The response to a request without a session: one that names a new session makes it the tenant's. */
    private HttpServletResponse opening(HttpServletResponse response, String tenant, long now) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                opened(name, value);
                super.setHeader(name, value);
            }

            @Override
            public void addHeader(String name, String value) {
                opened(name, value);
                super.addHeader(name, value);
            }

            private void opened(String name, String value) {
                if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
                    live.putIfAbsent(value, new Live(tenant, now));
                }
            }
        };
    }

    /**
     * A request that streams its answer (server-sent events) is still open when the filter returns; the session
     * counts as in use until the stream ends.
     */
    private void closeWhenDone(HttpServletRequest request, Live session) {
        if (request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        done(session);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
                return;
            } catch (IllegalStateException alreadyComplete) {
                // fall through: the stream has ended
            }
        }
        done(session);
    }

    private void done(Live session) {
        session.lastUsed = System.nanoTime();
        session.open.decrementAndGet();
    }

    /**
     * Before a request that may open a session: if the tenant has its maximum, ends its least recently used idle
     * session; false if every one of them is in use.
     */
    private synchronized boolean makeRoom(String tenant) {
        while (true) {
            Map.Entry<String, Live> oldestIdle = null;
            int count = 0;
            for (Map.Entry<String, Live> entry : live.entrySet()) {
                Live session = entry.getValue();
                if (!session.tenant.equals(tenant)) {
                    continue;
                }
                count++;
                if (session.open.get() == 0 && (oldestIdle == null
                        || session.lastUsed - oldestIdle.getValue().lastUsed < 0)) {
                    oldestIdle = entry;
                }
            }
            if (count < perTenant) {
                return true;
            }
            if (oldestIdle == null) {
                return false;
            }
            live.remove(oldestIdle.getKey(), oldestIdle.getValue());
        }
    }

    /** Ends the sessions idle for the idle time; at most once per tenth of it, on a request. */
    private void sweepIfDue(long now) {
        if (now - lastSweep < idleNanos / 10) {
            return;
        }
        synchronized (this) {
            if (now - lastSweep < idleNanos / 10) {
                return;
            }
            lastSweep = now;
        }
        long cutoff = now - idleNanos;
        live.values().removeIf(session -> session.idleSince(cutoff));
    }
}
