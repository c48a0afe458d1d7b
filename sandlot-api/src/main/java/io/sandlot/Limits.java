package io.sandlot;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The limits of one execution: immutable, built with {@link #newBuilder()}, validated at {@link Builder#build()}.
 *
 * <p>Every limit is a plain number; {@code 0} turns it off. The limits, their units, defaults, bounds, statuses and
 * what they do not cover are the rows of {@link Limit}. The same names ({@link Limit#key()}) are used by the Java API,
 * the string form ({@link #parse(String)} and {@link #toString()}, for command lines), the JSON form
 * ({@link #fromMap(Map, Limits)} and {@link #toMap()}, for the batch and HTTP APIs) and the CLI flags.
 */
public final class Limits {

    /** See {@link Limit#TIMEOUT_MS}. */
    public static final String TIMEOUT_MS = "timeoutMs";
    /** See {@link Limit#CPU_TIME_MS}. */
    public static final String CPU_TIME_MS = "cpuTimeMs";
    /** See {@link Limit#MAX_STATEMENTS}. */
    public static final String MAX_STATEMENTS = "maxStatements";
    /** See {@link Limit#MAX_MEMORY_MB}. */
    public static final String MAX_MEMORY_MB = "maxMemoryMb";
    /** See {@link Limit#MAX_OUTPUT_BYTES}. */
    public static final String MAX_OUTPUT_BYTES = "maxOutputBytes";
    /** See {@link Limit#MAX_OUTPUTS}. */
    public static final String MAX_OUTPUTS = "maxOutputs";
    /** See {@link Limit#MAX_ARTIFACT_BYTES}. */
    public static final String MAX_ARTIFACT_BYTES = "maxArtifactBytes";
    /** See {@link Limit#MAX_CODE_BYTES}. */
    public static final String MAX_CODE_BYTES = "maxCodeBytes";
    /** See {@link Limit#MAX_INPUT_BYTES}. */
    public static final String MAX_INPUT_BYTES = "maxInputBytes";
    /** See {@link Limit#MAX_RESULT_ROWS}. */
    public static final String MAX_RESULT_ROWS = "maxResultRows";

    private static final Limit[] LIMITS = Limit.values();

    /** The defaults: {@link Limit#defaultValue()} of every limit. */
    public static final Limits DEFAULT = of(Limit::defaultValue);

    private static final Limits DEFAULT_SERVER_MAXIMUMS = of(Limit::serverMaximum);

    /** Values by {@link Limit#ordinal()}. */
    private final long[] values;

    private Limits(long[] values) {
        this.values = values;
    }

    private static Limits of(ToLongFunction<Limit> column) {
        long[] values = new long[LIMITS.length];
        for (Limit limit : LIMITS) {
            values[limit.ordinal()] = column.applyAsLong(limit);
        }
        return new Limits(values);
    }

    /**
     * The most a request to the HTTP server may ask for unless the server is configured otherwise:
     * {@link Limit#serverMaximum()} of every limit, {@code 0} meaning no maximum.
     */
    public static Limits defaultServerMaximums() {
        return DEFAULT_SERVER_MAXIMUMS;
    }

    /** {@link Limit#TIMEOUT_MS}, in ms; 0 = off. */
    public long timeoutMs() {
        return get(Limit.TIMEOUT_MS);
    }

    /** {@link Limit#CPU_TIME_MS}, in ms; 0 = off. */
    public long cpuTimeMs() {
        return get(Limit.CPU_TIME_MS);
    }

    /** {@link Limit#MAX_STATEMENTS}, in statements; 0 = off. */
    public long maxStatements() {
        return get(Limit.MAX_STATEMENTS);
    }

    /** {@link Limit#MAX_MEMORY_MB}, in MiB; 0 = off. */
    public long maxMemoryMb() {
        return get(Limit.MAX_MEMORY_MB);
    }

    /**
     * The memory an execution is sized for, in MiB: {@link #maxMemoryMb()}, or that limit's default where it is off.
     * What needs a number even without a limit uses it: DuckDB's memory limit for the tables of an execution or a
     * session, and the machine memory node's {@code os.totalmem()} reports to JavaScript.
     */
    public long effectiveMemoryMb() {
        long limit = maxMemoryMb();
        return limit > 0 ? limit : Limit.MAX_MEMORY_MB.defaultValue();
    }

    /** {@link Limit#MAX_OUTPUT_BYTES}, in bytes; 0 = off. */
    public long maxOutputBytes() {
        return get(Limit.MAX_OUTPUT_BYTES);
    }

    /** {@link Limit#MAX_OUTPUTS}, a count; 0 = off. */
    public long maxOutputs() {
        return get(Limit.MAX_OUTPUTS);
    }

    /** {@link Limit#MAX_ARTIFACT_BYTES}, in bytes; 0 = off. */
    public long maxArtifactBytes() {
        return get(Limit.MAX_ARTIFACT_BYTES);
    }

    /** {@link Limit#MAX_CODE_BYTES}, in bytes; 0 = off. */
    public long maxCodeBytes() {
        return get(Limit.MAX_CODE_BYTES);
    }

    /** {@link Limit#MAX_INPUT_BYTES}, in bytes; 0 = off. */
    public long maxInputBytes() {
        return get(Limit.MAX_INPUT_BYTES);
    }

    /** {@link Limit#MAX_RESULT_ROWS}, in rows; 0 = off. */
    public long maxResultRows() {
        return get(Limit.MAX_RESULT_ROWS);
    }

    /** The value of {@code limit}. */
    public long get(Limit limit) {
        return values[limit.ordinal()];
    }

    /**
     * The value of the limit whose {@link Limit#key()} is {@code name}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public long get(String name) {
        return get(Limit.ofKey(name));
    }

    /** The limits as an ordered map from {@link Limit#key()} to value: the JSON form. */
    public Map<String, Long> toMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Limit limit : LIMITS) {
            map.put(limit.key(), get(limit));
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
     * @throws IllegalArgumentException naming the offending pair, or a name given twice
     */
    public static Limits parse(String spec) {
        return parse(spec, DEFAULT);
    }

    /**
     * Parses the string form on top of {@code base}: the limits the spec does not name keep their value there.
     *
     * @throws IllegalArgumentException naming the offending pair, or a name given twice
     */
    public static Limits parse(String spec, Limits base) {
        Builder builder = newBuilder(base);
        if (spec.isBlank()) {
            return builder.build();
        }
        Set<Limit> seen = EnumSet.noneOf(Limit.class);
        for (String pair : spec.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("limit '" + pair.trim() + "' is not of the form name=value");
            }
            Limit limit = Limit.ofKey(pair.substring(0, eq).trim());
            if (!seen.add(limit)) {
                throw new IllegalArgumentException(limit.key() + " was already set");
            }
            String value = pair.substring(eq + 1).trim();
            try {
                builder.set(limit, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(limit.key() + " must be a whole number, was '" + value + "'", e);
            }
        }
        return builder.build();
    }

    /**
     * Reads the JSON form: a map from {@link Limit#key()} to a whole number, on top of {@code base}. Unknown names
     * and values that are not whole numbers are rejected. (A map holds each key once; whether a JSON object that
     * repeats a key is an error is up to the JSON reader.)
     *
     * @throws IllegalArgumentException naming the offending entry
     */
    public static Limits fromMap(Map<String, ?> map, Limits base) {
        Builder builder = newBuilder(base);
        map.forEach((name, value) -> {
            Limit limit = Limit.ofKey(name);
            if (!(value instanceof Number number) || !isWholeNumber(number)) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + value);
            }
            builder.set(limit, number.longValue());
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

    /** Builds {@link Limits}. Setters take the limit's unit; 0 turns a limit off; negative values are rejected. */
    public static final class Builder {
        private final long[] values;

        private Builder(Limits prototype) {
            this.values = prototype.values.clone();
        }

        /** Sets {@link Limits#timeoutMs()}. */
        public Builder timeoutMs(long timeoutMs) {
            return set(Limit.TIMEOUT_MS, timeoutMs);
        }

        /** Sets {@link Limits#cpuTimeMs()}. */
        public Builder cpuTimeMs(long cpuTimeMs) {
            return set(Limit.CPU_TIME_MS, cpuTimeMs);
        }

        /** Sets {@link Limits#maxStatements()}. */
        public Builder maxStatements(long maxStatements) {
            return set(Limit.MAX_STATEMENTS, maxStatements);
        }

        /** Sets {@link Limits#maxMemoryMb()}. */
        public Builder maxMemoryMb(long maxMemoryMb) {
            return set(Limit.MAX_MEMORY_MB, maxMemoryMb);
        }

        /** Sets {@link Limits#maxOutputBytes()}. */
        public Builder maxOutputBytes(long maxOutputBytes) {
            return set(Limit.MAX_OUTPUT_BYTES, maxOutputBytes);
        }

        /** Sets {@link Limits#maxOutputs()}. */
        public Builder maxOutputs(long maxOutputs) {
            return set(Limit.MAX_OUTPUTS, maxOutputs);
        }

        /** Sets {@link Limits#maxArtifactBytes()}. */
        public Builder maxArtifactBytes(long maxArtifactBytes) {
            return set(Limit.MAX_ARTIFACT_BYTES, maxArtifactBytes);
        }

        /** Sets {@link Limits#maxCodeBytes()}. */
        public Builder maxCodeBytes(long maxCodeBytes) {
            return set(Limit.MAX_CODE_BYTES, maxCodeBytes);
        }

        /** Sets {@link Limits#maxInputBytes()}. */
        public Builder maxInputBytes(long maxInputBytes) {
            return set(Limit.MAX_INPUT_BYTES, maxInputBytes);
        }

        /** Sets {@link Limits#maxResultRows()}. */
        public Builder maxResultRows(long maxResultRows) {
            return set(Limit.MAX_RESULT_ROWS, maxResultRows);
        }

        /**
         * Sets the limit whose {@link Limit#key()} is {@code name}.
         *
         * @throws IllegalArgumentException if the name is unknown or the value is negative or implausibly large
         */
        public Builder set(String name, long value) {
            return set(Limit.ofKey(name), value);
        }

        /**
         * Sets {@code limit}, in its {@link Limit#unit()}.
         *
         * @throws IllegalArgumentException if the value is negative or above {@link Limit#maxValue()}
         */
        public Builder set(Limit limit, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(limit.key() + " must be >= 0 (0 turns the limit off), was " + value);
            }
            if (value > limit.maxValue()) {
                throw new IllegalArgumentException(limit.key() + " must be <= " + limit.maxValue() + " "
                        + limit.unit() + ", was " + value);
            }
            values[limit.ordinal()] = value;
            return this;
        }

        /** Returns the immutable limits. */
        public Limits build() {
            return new Limits(values.clone());
        }
    }
}
