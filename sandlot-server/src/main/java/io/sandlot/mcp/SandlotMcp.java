package io.sandlot.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.sandlot.service.SandboxService;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sandlot as an MCP server: the same tools over any transport of the MCP Java SDK, for the tenants a transport
 * names. {@link #stdio} serves one client as one tenant over a pair of streams ({@code ./sandbox mcp});
 * {@link #streamable} serves the SDK's streamable-HTTP transport, whose context extractor must put the
 * authenticated tenant under {@link #TENANT_KEY} (for the servlet transport:
 * {@code HttpServletStreamableServerTransportProvider.builder().contextExtractor(request ->
 * McpTransportContext.create(Map.of(SandlotMcp.TENANT_KEY, tenant)))}).
 *
 * <p>The tools are {@code execute_code}, {@code get_supported_languages}, {@code get_language_details},
 * {@code create_session}, {@code close_session}, {@code list_sessions}, {@code upload_file},
 * {@code download_file} and {@code list_files}; their descriptions state the service's limits. The caller owns the
 * service: closing the MCP server does not close it.
 */
public final class SandlotMcp {

    /** The key of the tenant's name in an {@link McpTransportContext}. */
    public static final String TENANT_KEY = "sandlot.tenant";

    /** The longest message {@link #stdio} accepts: 16 MiB, the SDK's default. */
    public static final int MAX_STDIO_FRAME_BYTES = 16 << 20;

    /** What a client shows about the server. */
    static final String INSTRUCTIONS = "Sandlot runs untrusted Python (GraalPy, standard library only) and "
            + "JavaScript (GraalJS) inside the JVM, without network or host files, under time, memory and output "
            + "limits. Use execute_code for one-off runs; create_session for state and files that persist between "
            + "runs.";

    private SandlotMcp() {
    }

    /** The JSON mapper of the SDK's Jackson 2 binding, as the SDK's own default makes it. */
    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper().addMixIn(Throwable.class, ErrorBody.class));
    }

    /**
     * How an exception that the SDK answers with (an {@code McpError}: an unknown session, a malformed body) is
     * written: its message and JSON-RPC error, not its Java stack, cause and suppressed exceptions, which named the
     * SDK's and Jetty's classes and lines, and so their versions, to any client.
     */
    @JsonIgnoreProperties({"stackTrace", "cause", "suppressed", "localizedMessage"})
    private abstract static class ErrorBody {
    }

    /**
     * The tool specifications over {@code service}, for a transport of the caller's choosing.
     *
     * @param tenants the tenant of a call, from its transport's context
     */
    public static List<SyncToolSpecification> tools(SandboxService service,
            Function<McpTransportContext, String> tenants) {
        return new McpTools(service, tenants).specifications();
    }

    /**
     * A server over {@code in} and {@code out}: newline-delimited JSON-RPC, one client, every call for
     * {@code tenant}. It serves until {@code in} ends or it is closed. A line that is not a JSON-RPC message, or
     * is longer than {@link #MAX_STDIO_FRAME_BYTES}, gets a JSON-RPC error and the server reads on.
     */
    public static McpSyncServer stdio(SandboxService service, String tenant, InputStream in, OutputStream out) {
        Objects.requireNonNull(tenant, "tenant");
        McpJsonMapper mapper = jsonMapper();
        StdioFrames frames = new StdioFrames(new BufferedInputStream(in), out, mapper, MAX_STDIO_FRAME_BYTES);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, frames, out,
                MAX_STDIO_FRAME_BYTES);
        return configure(McpServer.sync(transport), service, context -> tenant);
    }

    /** A server over a streamable-HTTP transport, every call for the tenant in its context ({@link #TENANT_KEY}). */
    public static McpSyncServer streamable(McpStreamableServerTransportProvider transport, SandboxService service) {
        return configure(McpServer.sync(transport), service, SandlotMcp::tenantOf);
    }

    /**
     * The tenant in {@code context}.
     *
     * @throws IllegalStateException if the transport put none there: a wiring mistake, never the client's
     */
    static String tenantOf(McpTransportContext context) {
        if (context.get(TENANT_KEY) instanceof String tenant) {
            return tenant;
        }
        throw new IllegalStateException("the MCP transport context names no tenant (" + TENANT_KEY + ")");
    }

    private static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(S spec, SandboxService service,
            Function<McpTransportContext, String> tenants) {
        String version = SandlotMcp.class.getPackage().getImplementationVersion();
        return spec.serverInfo("sandlot", version == null ? "development" : version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // the tools check their arguments themselves, with messages that say what to change
                .validateToolInputs(false)
                .tools(tools(service, tenants))
                .build();
    }
}
