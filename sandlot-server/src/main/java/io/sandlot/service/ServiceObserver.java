package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Status;

/**
 * What the service reports as it works, for an adapter to count (the HTTP server exposes these as Prometheus
 * metrics). Called on request threads; implementations must be thread-safe and quick. Every method does nothing
 * by default.
 */
public interface ServiceObserver {

    /** An observer that ignores everything. */
    ServiceObserver NONE = new ServiceObserver() {
    };

    /**
     * An execution finished.
     *
     * @param kind {@code stateless} or {@code session}
     * @param nanos time from admission to result
     */
    default void executed(String kind, Language language, Status status, long nanos) {
    }

    /** A request was admitted after waiting {@code nanos} for an execution slot. */
    default void queueWaited(long nanos) {
    }

    /**
     * A request was refused before it ran.
     *
     * @param reason {@code tenant_queue_full}, {@code queue_full}, {@code queue_timeout}, {@code memory} or
     *     {@code session_limit}
     */
    default void rejected(String reason) {
    }

    /** A session was opened. */
    default void sessionCreated() {
    }

    /**
     * A session was closed.
     *
     * @param reason {@code deleted}, {@code expired}, {@code closed} (by the engine) or {@code shutdown}
     */
    default void sessionClosed(String reason) {
    }
}
