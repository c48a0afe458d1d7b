package io.sandlot.service;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request the service refuses. The {@link Kind} classifies it for adapters, which map kinds to their protocol
 * (an HTTP status, a Jupyter or MCP error); {@link #reason()} is a stable machine-readable name such as
 * {@code session_not_found}; the message says what was wrong in words a caller can act on.
 */
public final class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is. */
    public enum Kind {
        /** The request is malformed or asks for more than the service allows. */
        BAD_REQUEST,
        /** The caller did not prove who it is. */
        UNAUTHORIZED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** The session or file does not exist for this tenant. */
        NOT_FOUND,
        /**
         * The session existed but is lost for good: it belongs to another node (a replica that is gone, or one the
         * load balancer did not route to), or to an earlier run of this node, which restarted since.
         */
        GONE,
        /** The request conflicts with the current state, such as a session already running an execution. */
        CONFLICT,
        /** The request carries more data than the service accepts. */
        PAYLOAD_TOO_LARGE,
        /** This tenant has used its share (of the queue or of sessions); retrying later may succeed. */
        TOO_MANY,
        /** The service as a whole is full (queue, sessions, heap); retrying later may succeed. */
        OVERLOADED,
        /** The service is shutting down or cannot do this at all. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String reason;
    private final long retryAfterSeconds;

    private ServiceException(Kind kind, String reason, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal of {@code kind}; {@code reason} is its machine-readable name. */
    public static ServiceException of(Kind kind, String reason, String message) {
        return new ServiceException(kind, reason, message, -1);
    }

    /** A refusal that a caller may retry after {@code retryAfterSeconds}: the request did not start. */
    public static ServiceException retryable(Kind kind, String reason, String message, long retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + retryAfterSeconds);
        }
        return new ServiceException(kind, reason, message, retryAfterSeconds);
    }

    /** A malformed request, reason {@code bad_request}. */
    public static ServiceException badRequest(String message) {
        return of(Kind.BAD_REQUEST, "bad_request", message);
    }

    /** The refusal of work while the service shuts down: {@code UNAVAILABLE}, reason {@code stopping}. */
    public static ServiceException stopping() {
        return retryable(Kind.UNAVAILABLE, "stopping", "the server is shutting down", 5);
    }

    /** The kind of refusal. */
    public Kind kind() {
        return kind;
    }

    /** The machine-readable reason, such as {@code session_not_found} or {@code low_memory}. */
    public String reason() {
        return reason;
    }

    /** How long to wait before retrying, if retrying may help. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
