package io.sandlot.server;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.sandlot.mcp.SandlotMcp;
import io.sandlot.service.SandboxService;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import reactor.core.scheduler.Schedulers;

/**
 * MCP's streamable HTTP at {@code /mcp}: the tools of {@link SandlotMcp} over the SDK's servlet transport, every
 * call for the tenant the server authenticated (the mount carries it in {@link SandboxServer#TENANT_ATTRIBUTE}).
 * {@link McpSessions} binds each MCP session to its tenant and bounds them: a session idle for as long as the
 * longest a sandbox session may live ({@link io.sandlot.service.ServiceConfig#maxSessionTtl()}) ends, and a tenant
 * has at most {@value #SESSIONS_PER_TENANT}.
 */
final class McpEndpoint implements AutoCloseable {

    static final String PATH = "/mcp";
    /** The most MCP sessions a tenant has at once: a session is a client connection, many more than sandbox ones. */
    static final int SESSIONS_PER_TENANT = 64;
    /** The name of the SDK's session sweeper's scheduler. */
    private static final String SDK_SWEEPER = "streamable-http-server-transport-session-sweeper";

    private final McpSyncServer server;
    private final ServletContextHandler context;
    private final ExecutorService sdkSweeper;

    McpEndpoint(SandboxService service, long maxBodyBytes) {
        Duration idle = service.config().maxSessionTtl();
        Thread building = Thread.currentThread();
        AtomicReference<ExecutorService> sweeper = new AtomicReference<>();
        HttpServletStreamableServerTransportProvider transport = withDaemonSweeper(building, sweeper, () ->
                HttpServletStreamableServerTransportProvider.builder()
                        .jsonMapper(SandlotMcp.jsonMapper())
                        .mcpEndpoint(PATH)
                        .maxRequestSize((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                        .sessionSweepInterval(idle)
                        .contextExtractor(request -> McpTransportContext.create(Map.of(SandlotMcp.TENANT_KEY,
                                Objects.requireNonNullElse(request.getAttribute(SandboxServer.TENANT_ATTRIBUTE), ""))))
                        .build());
        sdkSweeper = sweeper.get();
        if (sdkSweeper == null) {
            throw new IllegalStateException("the MCP SDK's session sweeper (" + SDK_SWEEPER + ") was not found: "
                    + "a new SDK version? Without it, ended MCP sessions would stay in memory");
        }
        server = SandlotMcp.streamable(transport, service);
        // the context at the root and the servlet at the exact path: a context at /mcp would redirect /mcp to /mcp/
        context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(transport), PATH);
        context.addFilter(new FilterHolder(new McpSessions(transport, idle, SESSIONS_PER_TENANT)),
                PATH, EnumSet.of(DispatcherType.REQUEST));
    }

    /**
     * Builds the transport with the SDK's session sweeper on a daemon thread that {@link #close()} ends. The SDK
     * runs the sweeper on a Reactor scheduler of its own with a non-daemon thread that nothing shuts down, which kept
     * an embedding JVM alive after its main returned. While the transport is built on this thread, a Reactor
     * executor decorator gives that scheduler's executor, before it has started a thread, a daemon thread factory,
     * and hands the executor over.
     */
    private static <T> T withDaemonSweeper(Thread building, AtomicReference<ExecutorService> sweeper,
            Supplier<T> build) {
        String key = "sandlot-mcp-sweeper-" + UUID.randomUUID();
        Schedulers.addExecutorServiceDecorator(key, (scheduler, executor) -> {
            if (Thread.currentThread() == building && scheduler.toString().contains(SDK_SWEEPER)
                    && executor instanceof ThreadPoolExecutor pool && sweeper.compareAndSet(null, executor)) {
                pool.setThreadFactory(Thread.ofPlatform().daemon().name("sandlot-mcp-session-sweeper").factory());
            }
            return executor;
        });
        try {
            return build.get();
        } finally {
            Schedulers.removeExecutorServiceDecorator(key);
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
        sdkSweeper.shutdownNow();
    }
}
