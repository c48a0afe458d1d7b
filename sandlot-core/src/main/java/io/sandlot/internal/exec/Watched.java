package io.sandlot.internal.exec;

import io.sandlot.Status;

/** Guest work the executor's watchdog polls: a running execution, or a formula instance while it evaluates. */
interface Watched {

    /** The limit the work has broken by {@code nowNanos}, or null. Called from the watchdog thread only. */
    Status brokenLimit(long nowNanos);

    /** Stops the work for breaking {@code limit}. */
    void stop(Status limit);
}
