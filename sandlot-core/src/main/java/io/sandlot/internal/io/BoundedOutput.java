package io.sandlot.internal.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Captures a guest's stdout and stderr under one shared byte budget. Bytes past the budget are dropped and
 * {@code onOverflow} runs once, so that the execution can be stopped with {@code output_limit}.
 */
public final class BoundedOutput {

    private final long budget;
    private final Runnable onOverflow;
    private final Stream out = new Stream();
    private final Stream err = new Stream();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private long used;

    /**
     * @param budget bytes of stdout plus stderr to keep; 0 = unbounded
     * @param onOverflow run once, on the writing thread, when the budget is first exceeded
     */
    public BoundedOutput(long budget, Runnable onOverflow) {
        this.budget = budget == 0 ? Long.MAX_VALUE : budget;
        this.onOverflow = onOverflow;
    }

    /** The stream to give the guest as stdout. */
    public OutputStream stdout() {
        return out;
    }

    /** The stream to give the guest as stderr. */
    public OutputStream stderr() {
        return err;
    }

    /** True once the guest tried to write past the budget. */
    public boolean overflowed() {
        return overflowed.get();
    }

    /** What stdout holds so far, decoded as UTF-8 (a character cut by truncation becomes U+FFFD). */
    public String stdoutText() {
        return out.text();
    }

    /** What stderr holds so far. */
    public String stderrText() {
        return err.text();
    }

    private final class Stream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int kept;
            synchronized (BoundedOutput.this) {
                kept = (int) Math.min(len, budget - used);
                used += kept;
                synchronized (this) {
                    bytes.write(b, off, kept);
                }
            }
            if (kept < len && overflowed.compareAndSet(false, true)) {
                onOverflow.run();
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
