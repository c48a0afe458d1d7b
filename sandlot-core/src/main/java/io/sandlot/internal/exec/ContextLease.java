package io.sandlot.internal.exec;

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
}
