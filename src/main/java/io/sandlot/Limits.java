package io.sandlot;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The limits of one execution: immutable, built with {@link #newBuilder()}, validated at {@link Builder#build()}.
 *
 * <p>Every limit is a plain number; {@code 0} turns it off. The same names are used by the Java API, the string
 * form ({@link #parse(String)}, for command lines), the JSON form ({@link #fromMap(Map)}, for the batch and HTTP
 * APIs) and the CLI flags.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>name</th><th>unit</th><th>default</th><th>what it does not cover</th></tr>
 *   <tr><td>{@code timeoutMs}</td><td>ms of wall time</td><td>30000</td>
 *       <td>counted from the start of guest code; creating the context is not counted</td></tr>
 *   <tr><td>{@code cpuTimeMs}</td><td>ms of CPU time of the guest thread</td><td>10000</td>
 *       <td>JIT compilation and GC run on other threads and are not counted; sampled every few ms</td></tr>
 *   <tr><td>{@code maxStatements}</td><td>guest statements</td><td>0 (off)</td>
 *       <td>Python counts line transitions: a one-line loop or a long builtin call counts as one; the time
 *       limits are the backstop</td></tr>
 *   <tr><td>{@code maxMemoryMb}</td><td>MiB the execution retains: the growth of the live heap after a full
 *       collection since it started, never more than it allocated</td><td>512</td>
 *       <td>garbage never counts; measured from the whole heap, so memory the host frees or allocates meanwhile
 *       is within its error bars (see the README); in a session, what one execution adds</td></tr>
 *   <tr><td>{@code maxOutputBytes}</td><td>bytes of stdout plus stderr; also the JSON size of the value</td>
 *       <td>1048576</td><td>output is truncated at the limit, then the guest is stopped</td></tr>
 *   <tr><td>{@code maxCodeBytes}</td><td>UTF-8 bytes of source code</td><td>1048576</td><td>checked before
 *       the guest starts</td></tr>
 *   <tr><td>{@code maxInputBytes}</td><td>bytes of the inputs' JSON form</td><td>1048576</td><td>checked
 *       before the guest starts</td></tr>
 * </table>
 */
public final class Limits {

    /** The names of the limits, in their canonical order. */
    public static final String TIMEOUT_MS = "timeoutMs";
    /** See {@link #cpuTimeMs()}. */
    public static final String CPU_TIME_MS = "cpuTimeMs";
    /** See {@link #maxStatements()}. */
    public static final String MAX_STATEMENTS = "maxStatements";
    /** See {@link #maxMemoryMb()}. */
    public static final String MAX_MEMORY_MB = "maxMemoryMb";
    /** See {@link #maxOutputBytes()}. */
    public static final String MAX_OUTPUT_BYTES = "maxOutputBytes";
    /** See {@link #maxCodeBytes()}. */
    public static final String MAX_CODE_BYTES = "maxCodeBytes";
    /** See {@link #maxInputBytes()}. */
    public static final String MAX_INPUT_BYTES = "maxInputBytes";

    private static final String[] NAMES = {
        TIMEOUT_MS, CPU_TIME_MS, MAX_STATEMENTS, MAX_MEMORY_MB, MAX_OUTPUT_BYTES, MAX_CODE_BYTES, MAX_INPUT_BYTES,
    };
    private static final long[] DEFAULT_VALUES = {30_000, 10_000, 0, 512, 1 << 20, 1 << 20, 1 << 20};
    /** Upper bounds that catch unit mistakes (a timeout in nanoseconds, a memory limit in bytes). */
    private static final long[] MAX_VALUES = {
        86_400_000L, 86_400_000L, Long.MAX_VALUE / 2, 1L << 20, 1L << 31, 1L << 30, 1L << 31,
    };

    /** The defaults: see the table above. */
    public static final Limits DEFAULT = new Limits(DEFAULT_VALUES.clone());

    private final long[] values;

    private Limits(long[] values) {
        this.values = values;
    }

    /** Wall-time limit in milliseconds, counted from the start of guest code; 0 = off. */
    public long timeoutMs() {
        return values[0];
    }

    /** CPU-time limit of the guest thread in milliseconds; 0 = off. */
    public long cpuTimeMs() {
        return values[1];
    }

    /** Maximum number of guest statements; 0 = off. Python counts line transitions (see the class table). */
    public long maxStatements() {
        return values[2];
    }

    /**
     * Maximum MiB the execution may retain: how much the live heap (after a full collection) grew since it
     * started, never counting more than it allocated, so garbage never counts; 0 = off. Each execution with a limit
     * reserves it against the heap before it starts.
     */
    public long maxMemoryMb() {
        return values[3];
    }

    /** Maximum bytes of stdout plus stderr, and of the value's JSON form; 0 = off. */
    public long maxOutputBytes() {
        return values[4];
    }

    /** Maximum UTF-8 bytes of source code; 0 = off. */
    public long maxCodeBytes() {
        return values[5];
    }

    /** Maximum bytes of the inputs' JSON form; 0 = off. */
    public long maxInputBytes() {
        return values[6];
    }

    /** The value of the limit called {@code name}. */
    public long get(String name) {
        return values[indexOf(name)];
    }

    /** The limits as an ordered map from name to value: the JSON form. */
    public Map<String, Long> toMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            map.put(NAMES[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** A new builder starting from {@link #DEFAULT}. */
    public static Builder newBuilder() {
        return new Builder(DEFAULT);
    }

    /** A new builder starting from {@code prototype}. */
    public static Builder newBuilder(Limits prototype) {
        return new Builder(prototype);
    }

    /**
     * Parses the string form, {@code name=value} pairs separated by commas, such as
     * {@code "timeoutMs=1000,maxStatements=100000"}, on top of {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the offending pair
     */
    public static Limits parse(String spec) {
        Builder builder = newBuilder();
        if (spec.isBlank()) {
            return builder.build();
        }
        for (String pair : spec.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("limit '" + pair.trim() + "' is not of the form name=value");
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            try {
                builder.set(name, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
            }
        }
        return builder.build();
    }

    /**
     * Reads the JSON form: a map from limit name to a whole number, on top of {@code base}. Unknown names and
     * values that are not whole numbers are rejected.
     *
     * @throws IllegalArgumentException naming the offending entry
     */
    public static Limits fromMap(Map<String, ?> map, Limits base) {
        Builder builder = newBuilder(base);
        map.forEach((name, value) -> {
            if (!(value instanceof Number number) || !isWholeNumber(number)) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + value);
            }
            builder.set(name, number.longValue());
        });
        return builder.build();
    }

    private static boolean isWholeNumber(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || (number instanceof java.math.BigInteger big && big.bitLength() < 64);
    }

    /** The string form accepted by {@link #parse(String)}. */
    @Override
    public String toString() {
        return toMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    private static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown limit '" + name + "'; known limits: " + String.join(", ", NAMES));
    }

    /** Builds {@link Limits}. Setters take the limit's unit; 0 turns a limit off; negative values are rejected. */
    public static final class Builder {
        private final long[] values;

        private Builder(Limits prototype) {
            this.values = prototype.values.clone();
        }

        /** Sets {@link Limits#timeoutMs()}. */
        public Builder timeoutMs(long timeoutMs) {
            return set(TIMEOUT_MS, timeoutMs);
        }

        /** Sets {@link Limits#cpuTimeMs()}. */
        public Builder cpuTimeMs(long cpuTimeMs) {
            return set(CPU_TIME_MS, cpuTimeMs);
        }

        /** Sets {@link Limits#maxStatements()}. */
        public Builder maxStatements(long maxStatements) {
            return set(MAX_STATEMENTS, maxStatements);
        }

        /** Sets {@link Limits#maxMemoryMb()}. */
        public Builder maxMemoryMb(long maxMemoryMb) {
            return set(MAX_MEMORY_MB, maxMemoryMb);
        }

        /** Sets {@link Limits#maxOutputBytes()}. */
        public Builder maxOutputBytes(long maxOutputBytes) {
            return set(MAX_OUTPUT_BYTES, maxOutputBytes);
        }

        /** Sets {@link Limits#maxCodeBytes()}. */
        public Builder maxCodeBytes(long maxCodeBytes) {
            return set(MAX_CODE_BYTES, maxCodeBytes);
        }

        /** Sets {@link Limits#maxInputBytes()}. */
        public Builder maxInputBytes(long maxInputBytes) {
            return set(MAX_INPUT_BYTES, maxInputBytes);
        }

        /**
         * Sets the limit called {@code name}.
         *
         * @throws IllegalArgumentException if the name is unknown or the value is negative or implausibly large
         */
        public Builder set(String name, long value) {
            int index = indexOf(name);
            if (value < 0) {
                throw new IllegalArgumentException(name + " must be >= 0 (0 turns the limit off), was " + value);
            }
            if (value > MAX_VALUES[index]) {
                throw new IllegalArgumentException(name + " must be <= " + MAX_VALUES[index] + ", was " + value);
            }
            values[index] = value;
            return this;
        }

        /** Returns the immutable limits. */
        public Limits build() {
            return new Limits(values.clone());
        }
    }
}
