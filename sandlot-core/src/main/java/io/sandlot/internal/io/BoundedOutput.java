package io.sandlot.internal.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Captures a guest's stdout and stderr under one shared byte budget. Bytes past the budget are dropped and
 * {@code onOverflow} runs once, so that the execution can be stopped with {@code output_limit}. The bytes kept are
 * also told, as text and in the order written, to a {@link GuardedListener}.
 */
public final class BoundedOutput {

    private static final byte[] NOTHING = new byte[0];

    private final long budget;
    private final Runnable onOverflow;
    private final GuardedListener listener;
    private final Stream out = new Stream(false);
    private final Stream err = new Stream(true);
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private long used;

    /**
     * @param budget bytes of stdout plus stderr to keep; 0 = unbounded
     * @param onOverflow run once, on the writing thread, when the budget is first exceeded
     * @param listener told every kept write, on the writing thread, while this output's lock is held (so in order)
     */
    public BoundedOutput(long budget, Runnable onOverflow, GuardedListener listener) {
        this.budget = budget == 0 ? Long.MAX_VALUE : budget;
        this.onOverflow = onOverflow;
        this.listener = listener;
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

    /**
     * Tells the listener the bytes it was not told yet, those of a character that no write completed, as the
     * final text decodes them (U+FFFD). Call once the guest has stopped writing.
     */
    public synchronized void endOfOutput() {
        out.tellRest();
        err.tellRest();
    }

    private final class Stream extends OutputStream {
        private final boolean stderr;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** Kept bytes the listener was not told yet: the start of a character that no write completed so far. */
        private byte[] untold = NOTHING;

        Stream(boolean stderr) {
            this.stderr = stderr;
        }

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
                if (kept > 0) {
                    synchronized (this) {
                        bytes.write(b, off, kept);
                    }
                    tell(b, off, kept);
                }
            }
            if (kept < len && overflowed.compareAndSet(false, true)) {
                onOverflow.run();
            }
        }

        /** Tells the listener the complete characters of what was untold plus these bytes; holds the lock. */
        private void tell(byte[] b, int off, int len) {
            if (!listener.active()) {
                return;
            }
            byte[] pending = b;
            int start = off;
            int length = len;
            if (untold.length > 0) {
                pending = new byte[untold.length + len];
                System.arraycopy(untold, 0, pending, 0, untold.length);
                System.arraycopy(b, off, pending, untold.length, len);
                start = 0;
                length = pending.length;
            }
            int complete = completeLength(pending, start, length);
            if (complete > 0) {
                listener.text(stderr, new String(pending, start, complete, StandardCharsets.UTF_8));
            }
            untold = complete == length ? NOTHING : Arrays.copyOfRange(pending, start + complete, start + length);
        }

        void tellRest() {
            if (untold.length > 0 && listener.active()) {
                listener.text(stderr, new String(untold, StandardCharsets.UTF_8));
            }
            untold = NOTHING;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * How many of the {@code len} bytes at {@code off} precede an incomplete UTF-8 sequence at their end: all of
     * them unless the last (up to three) bytes start a multi-byte character that they do not finish.
     */
    static int completeLength(byte[] b, int off, int len) {
        for (int back = 1; back <= Math.min(3, len); back++) {
            int lead = b[off + len - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue;   // a continuation byte: its lead is further back
            }
            int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return needed > back ? len - back : len;
        }
        return len;
    }
}
