package io.sandlot.internal.lang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The compensated loop of Python 3.12's {@code sum} ({@code builtin_sum.py}) over a list or tuple of numbers, run in
 * the host: GraalPy's interpreter takes about 2 µs an item for the same loop in Python until its JIT has compiled
 * it, 2 s for a million floats in a fresh context, where GraalPy's own (uncompensated) sum takes 60 ms. Java's
 * doubles round as C's do on x86-64 and AArch64, so the result is CPython's to the bit.
 *
 * <p>{@link #ADD} is called with {@code (doubles, steps, total, compensation)}: the items as an {@code array('d')} (a
 * buffer of doubles in the platform's order), {@code None} when every item is a float or else a buffer of one byte
 * per item (1 for a float, added with compensation; 0 for an int or bool, added to the total as is, as CPython adds
 * an int that fits a C long), and the total and compensation so far. It answers {@code [total, compensation]}, from
 * which the Python side goes on or makes the sum; anything else it is given, {@code null}.
 * The buffers are read a piece at a time, so that the host allocates no more whatever a guest passes, and each
 * piece costs nanoseconds per item.
 */
final class PythonFloatSum {

    /** Adds a slice of items; see the class comment. */
    static final ProxyExecutable ADD = PythonFloatSum::add;

    /** How many items are read from the guest's buffers at a time. */
    private static final int PIECE = 1024;

    private PythonFloatSum() {
    }

    private static Object add(Value... arguments) {
        if (arguments.length != 4 || !arguments[0].hasBufferElements() || !arguments[2].fitsInDouble()
                || !arguments[3].fitsInDouble()) {
            return null;
        }
        Value doubles = arguments[0];
        Value steps = arguments[1].isNull() ? null : arguments[1];
        long count = doubles.getBufferSize() / Double.BYTES;
        if (steps != null && (!steps.hasBufferElements() || steps.getBufferSize() != count)) {
            return null;
        }
        double total = arguments[2].asDouble();
        double compensation = arguments[3].asDouble();
        byte[] piece = new byte[PIECE * Double.BYTES];
        byte[] floats = steps == null ? null : new byte[PIECE];
        for (long start = 0; start < count; start += PIECE) {
            int length = (int) Math.min(PIECE, count - start);
            if (length < PIECE) {
                // GraalPy 25.0.3 refuses a bulk read into a longer array than the bytes read
                piece = new byte[length * Double.BYTES];
                floats = floats == null ? null : new byte[length];
            }
            doubles.readBuffer(start * Double.BYTES, piece, 0, piece.length);
            if (floats != null) {
                steps.readBuffer(start, floats, 0, floats.length);
            }
            ByteBuffer values = ByteBuffer.wrap(piece).order(ByteOrder.nativeOrder());
            for (int i = 0; i < length; i++) {
                double item = values.getDouble(i * Double.BYTES);
                if (floats != null && floats[i] == 0) {
                    total += item;
                    continue;
                }
                // Neumaier's step, as CPython's builtin_sum_impl takes it
                double added = total + item;
                compensation += Math.abs(total) >= Math.abs(item) ? (total - added) + item : (item - added) + total;
                total = added;
            }
        }
        return ProxyArray.fromArray(total, compensation);
    }
}
