package io.sandlot.internal.output;

import io.sandlot.Limit;
import io.sandlot.Status;

/** An output or artifact would exceed {@link Limit#MAX_OUTPUTS} or {@link Limit#MAX_ARTIFACT_BYTES}. */
public final class OutputLimitException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Limit limit;

    OutputLimitException(Limit limit, long value) {
        super(limit.breach(value));
        this.limit = limit;
    }

    /** The limit that was reached. */
    public Limit limit() {
        return limit;
    }

    /** The status of an execution stopped by it. */
    public Status status() {
        return limit.status().orElseThrow();
    }
}
