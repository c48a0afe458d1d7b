/**
 * The HTTP adapter over the service core ({@link io.sandlot.service.SandboxService}): routes, authentication
 * (token to tenant), parsing and rendering the wire forms, metrics exposition, and the one mapping of
 * {@link io.sandlot.service.ServiceException} kinds to status codes. {@link io.sandlot.server.SandboxServer}
 * (Jetty 12 on virtual threads) is the entry point; other front ends plug into it through
 * {@link io.sandlot.server.SandboxServer#addWebSocket} and {@link io.sandlot.server.SandboxServer#mount}. Nothing
 * here decides what a request may do.
 */
package io.sandlot.server;
