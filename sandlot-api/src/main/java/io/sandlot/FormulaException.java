package io.sandlot;

/**
 * A formula evaluation that did not produce a value: the guest raised an error or a limit stopped it. Classify it
 * with {@link #status()} and {@link #isLimit()}; {@link #error()} carries the guest's error.
 */
public final class FormulaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status status;
    private final transient GuestError error;

    /** A failure with its status and error. */
    public FormulaException(Status status, GuestError error) {
        super(status.id() + ": " + error.type() + ": " + error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    /** How the evaluation ended: {@code error}, a limit, {@code cancelled} or {@code internal_error}. */
    public Status status() {
        return status;
    }

    /** The guest's error, or the limit that stopped it. */
    public GuestError error() {
        return error;
    }

    /** True if a limit stopped the evaluation. */
    public boolean isLimit() {
        return status.isLimit();
    }
}
