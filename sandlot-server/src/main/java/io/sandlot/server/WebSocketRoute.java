package io.sandlot.server;

import java.util.Map;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * Opens the server side of a WebSocket registered with {@link SandboxServer#addWebSocket(String, WebSocketRoute)}.
 * The server has already matched the path, checked the {@code Host} (and, without tokens, the {@code Origin}) and
 * authenticated the caller by the REST API's rules when {@link #open} is called; the route decides only what to
 * talk to.
 *
 * <p>The endpoint it returns is a Jetty WebSocket endpoint: an instance of a <em>public</em> class that implements
 * {@code org.eclipse.jetty.websocket.api.Session.Listener} (or extends {@code Session.Listener.Abstract}) or is
 * annotated with {@code @WebSocket}. Its messages are bounded by the server's {@code maxBodyBytes}, like a body.
 */
@FunctionalInterface
public interface WebSocketRoute {

    /**
     * The endpoint of one accepted upgrade; never null.
     *
     * @throws io.sandlot.service.ServiceException to refuse the upgrade with the status the REST API would give
     *     (for example 404 for a session that is not the caller's); {@link IllegalArgumentException} for 400
     */
    Object open(Upgrade upgrade) throws Exception;

    /**
     * One upgrade request.
     *
     * @param tenant the authenticated tenant ({@code anonymous} on a server without tokens)
     * @param parameters the path parameters of the route's pattern, percent-decoded
     * @param request the upgrade request: headers, query ({@code org.eclipse.jetty.server.Request
     *     .extractQueryParameters}), sub-protocols
     * @param response the upgrade response, where the route accepts a sub-protocol
     *     ({@code setAcceptedSubProtocol})
     */
    record Upgrade(String tenant, Map<String, String> parameters, ServerUpgradeRequest request,
            ServerUpgradeResponse response) {
        public Upgrade {
            parameters = Map.copyOf(parameters);
        }

        /** The path parameter {@code name}, or null. */
        public String parameter(String name) {
            return parameters.get(name);
        }
    }
}
