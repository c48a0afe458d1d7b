package io.sandlot.internal.exec;

import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.sql.SqlWorkspace;

/**
 * Where an execution's context comes from, what becomes of it afterwards, and how to stop a guest in it: a
 * stateless execution takes a fresh context and closes it; a session keeps one and interrupts rather than closes.
 */
interface ContextLease {

    /** The context to run in; called on the guest thread. */
    GuestContext acquire();

    /** Called on the guest thread once the result is known (also after a stop). */
    void release(GuestContext guest, Execution execution);

    /**
     * Stops the guest running in {@code guest}; called on a reaper thread, and may block while the guest ignores
     * the request.
     */
    void stop(GuestContext guest, Execution execution);

    /**
     * The SQL tables every execution of this lease shares (a session's, kept warm between executions), or null:
     * each execution then opens its own, with its inputs as tables, and closes it when it ends.
     */
    default SqlWorkspace sqlTables() {
        return null;
    }

    /** Tells the lease which execution runs without a context (language sql), then null when it ended. */
    default void runningQuery(Execution execution) {
    }

    /** The file tree whose table files queries see when the execution has no context (language sql), or null. */
    default MemoryFileSystem files() {
        return null;
    }
}
