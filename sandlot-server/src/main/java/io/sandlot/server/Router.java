package io.sandlot.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table: method plus a path pattern whose segments are literals, {@code {name}} (one segment) or, last,
 * {@code {name*}} (the rest of the path, one or more segments). Parameters are percent-decoded as UTF-8.
 */
final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Call call) throws Exception;
    }

    /**
     * One route.
     *
     * @param method the HTTP method
     * @param pattern the path pattern, such as {@code /v1/sessions/{id}/files/{path*}}
     * @param authenticated whether the route needs a token when the server has tokens
     */
    record Route(String method, String pattern, boolean authenticated, Handler handler) {
        /** The pattern as an OpenAPI path: {@code {path*}} becomes {@code {path}}. */
        String openApiPath() {
            return pattern.replace("*}", "}");
        }
    }

    /** A matched route and its decoded parameters. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, true, handler));
        return this;
    }

    Router addPublic(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, false, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Finds the route for {@code method} and the raw (still percent-encoded) {@code path}.
     *
     * @throws HttpError 404 if no pattern matches the path, 405 (with {@code Allow}) if only the method is wrong,
     *     400 if a parameter is not valid percent-encoded UTF-8
     */
    Match match(String method, String rawPath) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = matchPath(route.pattern(), rawPath);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, parameters);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw HttpError.notFound("not_found", "no route for " + rawPath);
        }
        String allow = String.join(", ", allowed);
        throw new HttpError(405, "method_not_allowed", method + " is not allowed on " + rawPath + "; allowed: " + allow)
                .header("Allow", allow);
    }

    /** True if a route that needs no token matches {@code rawPath} (with any method). */
    boolean isPublic(String rawPath) {
        for (Route route : routes) {
            if (!route.authenticated() && matchPath(route.pattern(), rawPath) != null) {
                return true;
            }
        }
        return false;
    }

    /** The decoded parameters if {@code rawPath} matches {@code pattern}, else null. */
    static Map<String, String> matchPath(String pattern, String rawPath) {
        String[] want = pattern.substring(1).split("/", -1);
        String[] have = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[] {""};
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String segment = want[i];
            if (segment.startsWith("{") && segment.endsWith("*}")) {
                if (i >= have.length) {
                    return null;
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(have, i, have.length));
                if (rest.isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 2), percentDecode(rest));
                return parameters;
            }
            if (i >= have.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (have[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), percentDecode(have[i]));
            } else if (!segment.equals(have[i])) {
                return null;
            }
        }
        return want.length == have.length ? parameters : null;
    }

    /**
     * Decodes {@code %XX} escapes (a {@code +} stays a plus: this is a path, not a form).
     *
     * @throws HttpError 400 for a malformed escape or bytes that are not UTF-8
     */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                throw HttpError.badRequest("malformed percent-escape in path '" + raw + "'");
            }
            bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return io.sandlot.wire.Utf8.decode(bytes.toByteArray(), "the path '" + raw + "'");
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }
}
