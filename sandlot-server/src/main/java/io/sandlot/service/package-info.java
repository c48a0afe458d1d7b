/**
 * The service core that every front end shares: sessions owned by tenants and evicted by TTL, the fair admission
 * queue, limit maximums, the heap guard, session files and stateless execution. It knows no transport: failures
 * are {@link io.sandlot.service.ServiceException}s classified by kind, and each adapter (the HTTP server today;
 * Jupyter and MCP next) maps the kinds to its own protocol.
 */
package io.sandlot.service;
