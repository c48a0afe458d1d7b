package io.sandlot;

/**
 * Receives what an execution shows while it runs, in the order the guest produced it: text written to stdout and
 * stderr, and {@link Output display outputs}. What a listener receives is what the result holds in the end (the
 * text concatenated per stream, the outputs in order), within the same limits: bytes past
 * {@link Limit#MAX_OUTPUT_BYTES} and outputs past {@link Limit#MAX_OUTPUTS} reach neither.
 *
 * <p>Methods are called on the thread that runs the guest, one call at a time, and the time they take counts
 * against the execution's wall time: hand the work over rather than block. A listener that throws is not called
 * again for that execution, and the execution goes on.
 */
public interface OutputListener {

    /** A listener that ignores everything. */
    OutputListener NONE = new OutputListener() { };

    /**
     * Text the guest wrote to one of its streams, decoded as UTF-8; a character split between writes is delivered
     * whole, with the later piece.
     *
     * @param stderr true for stderr, false for stdout
     */
    default void text(boolean stderr, String text) {
    }

    /** An output the guest showed, as it will appear in {@link ExecutionResult#outputs()}. */
    default void output(Output output) {
    }

    /**
     * Tells {@code listener} a finished execution's output as one piece per stream, then its outputs: what a
     * session that cannot report during the run calls when it has the result. The order between stdout, stderr
     * and the outputs is not the guest's.
     */
    static void replay(ExecutionResult result, OutputListener listener) {
        if (!result.stdout().isEmpty()) {
            listener.text(false, result.stdout());
        }
        if (!result.stderr().isEmpty()) {
            listener.text(true, result.stderr());
        }
        for (Output output : result.outputs()) {
            listener.output(output);
        }
    }
}
