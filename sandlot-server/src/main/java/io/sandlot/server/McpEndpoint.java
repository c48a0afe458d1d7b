package io.sandlot.server;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.sandlot.mcp.SandlotMcp;
import io.sandlot.service.SandboxService;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

/**
 * MCP's streamable HTTP at {@code /mcp}: the tools of {@link SandlotMcp} over the SDK's servlet transport, every
 * call for the tenant the server authenticated (the mount carries it in {@link SandboxServer#TENANT_ATTRIBUTE}).
 */
final class McpEndpoint implements AutoCloseable {

    static final String PATH = "/mcp";

    private final McpSyncServer server;
    private final ServletContextHandler context;

    McpEndpoint(SandboxService service, long maxBodyBytes) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(SandlotMcp.jsonMapper())
                .mcpEndpoint(PATH)
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                // No SDK session sweeper: it runs on a non-daemon Reactor thread that closing does not end, which
                // kept an embedding JVM alive after its main returned. An MCP session is a few objects; the sandbox
                // sessions a client opens through it expire by the service's own TTL.
                .sessionSweepInterval(null)
                .contextExtractor(request -> McpTransportContext.create(Map.of(SandlotMcp.TENANT_KEY,
                        Objects.requireNonNullElse(request.getAttribute(SandboxServer.TENANT_ATTRIBUTE), ""))))
                .build();
        server = SandlotMcp.streamable(transport, service);
        // the context at the root and the servlet at the exact path: a context at /mcp would redirect /mcp to /mcp/
        context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(transport), PATH);
        context.addFilter(new FilterHolder(new SessionOwners(transport)), PATH, EnumSet.of(DispatcherType.REQUEST));
    }

    /**
     * Binds each MCP session to the tenant that opened it: the SDK knows sessions by id only, so another tenant that
     * learnt an id could send calls on it (they would run as that tenant) or end it with a DELETE. A request with a
     * session id of another tenant is answered as one with an unknown id is (404, "Session not found").
     */
    private static final class SessionOwners implements Filter {

        private static final String SESSION_HEADER = "Mcp-Session-Id";
        /** The SDK's code for an unknown session. */
        private static final int SESSION_NOT_FOUND = -32603;

        private final HttpServletStreamableServerTransportProvider transport;
        private final Map<String, String> owners = new ConcurrentHashMap<>();

        SessionOwners(HttpServletStreamableServerTransportProvider transport) {
            this.transport = transport;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String tenant = Objects.toString(request.getAttribute(SandboxServer.TENANT_ATTRIBUTE), "");
            String session = request.getHeader(SESSION_HEADER);
            if (session != null) {
                String owner = owners.get(session);
                if (owner != null && !owner.equals(tenant)) {
                    transport.responseError(response, HttpServletResponse.SC_NOT_FOUND,
                            McpError.builder(SESSION_NOT_FOUND).message("Session not found: " + session).build());
                    return;
                }
            }
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    opened(name, value, tenant);
                    super.setHeader(name, value);
                }

                @Override
                public void addHeader(String name, String value) {
                    opened(name, value, tenant);
                    super.addHeader(name, value);
                }
            });
            if (session != null && "DELETE".equals(request.getMethod())
                    && response.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
                owners.remove(session, tenant);
            }
        }

        /** A response that names a session (the answer to initialize) makes its tenant the session's owner. */
        private void opened(String header, String value, String tenant) {
            if (SESSION_HEADER.equalsIgnoreCase(header) && value != null) {
                owners.putIfAbsent(value, tenant);
            }
        }
    }

    /** The handler to mount at {@link #PATH}. */
    Handler handler() {
        return context;
    }

    /** Ends the MCP sessions and their open streams, so that a stopping server does not wait for them. */
    @Override
    public void close() {
        server.closeGracefully();
    }
}
