package io.sandlot.internal.io;

import io.sandlot.Output;
import io.sandlot.OutputListener;

/**
 * One execution's {@link OutputListener}, made safe to call from the guest thread: the first exception it throws
 * turns it off for the rest of the execution (the execution goes on), and {@link #active()} lets the caller skip
 * preparing what nobody receives.
 */
public final class GuardedListener {

    private static final System.Logger LOG = System.getLogger(GuardedListener.class.getName());

    private volatile OutputListener listener;

    private GuardedListener(OutputListener listener) {
        this.listener = listener == OutputListener.NONE ? null : listener;
    }

    /** Guards {@code listener} ({@link OutputListener#NONE}: a listener that is never active). */
    public static GuardedListener of(OutputListener listener) {
        return new GuardedListener(listener);
    }

    /** False if there is no listener, or it threw. */
    public boolean active() {
        return listener != null;
    }

    /** See {@link OutputListener#text}. */
    public void text(boolean stderr, String text) {
        OutputListener current = listener;
        if (current != null) {
            try {
                current.text(stderr, text);
            } catch (RuntimeException e) {
                turnOff(current, e);
            }
        }
    }

    /** See {@link OutputListener#output}. */
    public void output(Output output) {
        OutputListener current = listener;
        if (current != null) {
            try {
                current.output(output);
            } catch (RuntimeException e) {
                turnOff(current, e);
            }
        }
    }

    private void turnOff(OutputListener current, RuntimeException e) {
        listener = null;
        LOG.log(System.Logger.Level.WARNING, "output listener " + current.getClass().getName()
                + " threw; it is not called again for this execution", e);
    }
}
