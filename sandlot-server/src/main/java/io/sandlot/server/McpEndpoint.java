package io.sandlot.server;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.sandlot.mcp.SandlotMcp;
import io.sandlot.service.SandboxService;
import java.util.Map;
import java.util.Objects;
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
