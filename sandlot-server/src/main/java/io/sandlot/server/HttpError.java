package io.sandlot.server;

import io.sandlot.service.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server answers with an HTTP error: a status, a machine-readable code and a message that names the
 * problem. Thrown by handlers; turned into {@code {"error": code, "message": message}} by the server.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final transient Map<String, String> headers = new LinkedHashMap<>();

    HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    HttpError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The answer to a refusal of the service core: the one place its kinds become status codes. */
    static HttpError of(ServiceException refusal) {
        int status = switch (refusal.kind()) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case PAYLOAD_TOO_LARGE -> 413;
            case TOO_MANY -> 429;
            case OVERLOADED, UNAVAILABLE -> 503;
        };
        HttpError error = new HttpError(status, refusal.reason(), refusal.getMessage());
        refusal.retryAfterSeconds().ifPresent(seconds -> error.header("Retry-After", Long.toString(seconds)));
        return error;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, "bad_request", message);
    }

    static HttpError notFound(String code, String message) {
        return new HttpError(404, code, message);
    }
}
