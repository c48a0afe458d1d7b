/**
 * The MCP adapter over the service core ({@link io.sandlot.service.SandboxService}): the tools an MCP client sees
 * ({@code execute_code}, sessions, session files, languages), built by {@link io.sandlot.mcp.SandlotMcp} for any
 * transport of the MCP Java SDK (stdio for {@code ./sandbox mcp}; the SDK's servlet streamable-HTTP transport when a
 * servlet container mounts it). Arguments are parsed and results rendered here; what a call may do is the core's.
 * A bad argument or a refusal of the core is a tool error ({@code isError}), never a failed server.
 */
package io.sandlot.mcp;
