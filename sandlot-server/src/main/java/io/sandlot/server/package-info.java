/**
 * The HTTP adapter over the service core ({@link io.sandlot.service.SandboxService}): routes, authentication
 * (token to tenant), parsing and rendering the wire forms, metrics exposition, and the one mapping of
 * {@link io.sandlot.service.ServiceException} kinds to status codes. {@link io.sandlot.server.SandboxServer} is the
 * entry point; nothing here decides what a request may do.
 */
package io.sandlot.server;
