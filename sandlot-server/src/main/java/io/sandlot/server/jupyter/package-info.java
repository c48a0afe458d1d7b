/**
 * The Jupyter kernel gateway over the service core: kernel specs, kernels (a kernel is a service session, owned by
 * the tenant that started it), and the Jupyter messaging protocol 5.3 as a transport-independent handler
 * ({@link io.sandlot.server.jupyter.KernelChannels}) that a WebSocket endpoint feeds with text frames.
 */
package io.sandlot.server.jupyter;
