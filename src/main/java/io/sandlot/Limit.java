package io.sandlot;

import java.util.Locale;
import java.util.Optional;

/**
 * The limits an execution can have: one row per limit, holding everything that is said about it anywhere. The
 * Java API ({@link Limits}), the string and JSON forms, the CLI flags, the breach messages, the server's default
 * maximums, the OpenAPI document and the README follow from this table (tests check the last two).
 *
 * <p>Every limit is a whole number in its {@link #unit()}; {@code 0} turns it off. Most limits stop a running guest
 * and end its execution with their {@link #status()}; the size limits on code and inputs have no status: a request
 * over them is refused with an {@link IllegalArgumentException} before the guest starts, and gets no result.
 */
public enum Limit {
    /** Wall-time limit, counted from the start of guest code. */
    TIMEOUT_MS("timeoutMs", "ms", 30_000, 86_400_000L, 60_000, Status.TIMEOUT,
            "wall-time limit of %1$d ms (timeoutMs) reached",
            "Wall-time limit, counted from the start of guest code",
            "creating the context (0.2 ms JS, 50-200 ms warm Python, seconds for the first Python context of a "
                    + "process) is not counted"),
    /** CPU-time limit of the guest thread. */
    CPU_TIME_MS("cpuTimeMs", "ms", 10_000, 86_400_000L, 0, Status.CPU_LIMIT,
            "CPU-time limit of %1$d ms (cpuTimeMs) reached",
            "CPU-time limit of the guest thread",
            "JIT compilation and GC run on other threads and are not counted; sampled every 5 ms"),
    /** Statement limit: statements of the guest's own code. */
    MAX_STATEMENTS("maxStatements", "statements", 0, Long.MAX_VALUE / 2, 0, Status.STATEMENT_LIMIT,
            "statement limit of %1$d (maxStatements) reached",
            "Statement limit: statements of the guest's own code",
            "counts the submitted code, what it `eval`s and modules it wrote to its own tree, not the standard "
                    + "library. JS: reliable; a guest `try`/`catch` cannot swallow it. Python: GraalPy counts line "
                    + "transitions, so a one-line loop (`while True: x += 1`) or one long builtin call "
                    + "(`sum(range(10**11))`) counts as one, and in our tests statements after an `import` went "
                    + "uncounted; the time limits are the backstop (`LimitEnforcementTest`)"),
    /**
     * Memory the execution may retain: the growth of the live heap after a full collection since it started, never
     * more than it allocated.
     */
    MAX_MEMORY_MB("maxMemoryMb", "MiB", 512, 1L << 20, 1024, Status.MEMORY_LIMIT,
            "memory limit of %1$d MiB (maxMemoryMb) reached: the guest retained more than that after garbage "
                    + "collection",
            "Memory the execution may retain: the growth of the live heap after a full collection since it started, "
                    + "never more than it allocated",
            "garbage never counts, however much; measured from the whole heap, so memory the host frees or "
                    + "allocates meanwhile is within its error bars (see How the memory limit works below). In a "
                    + "session it bounds what one execution adds to the session's heap, not what earlier executions "
                    + "left"),
    /** Limit on the size of stdout plus stderr, and of the JSON form of the value. */
    MAX_OUTPUT_BYTES("maxOutputBytes", "bytes", 1L << 20, 1L << 31, 16L << 20, Status.OUTPUT_LIMIT,
            "output limit of %1$d bytes (maxOutputBytes) reached",
            "Limit on the size of stdout plus stderr, and of the JSON form of the value",
            "output is truncated at the limit, then the guest is stopped"),
    /** Limit on the size of the source code in UTF-8. */
    MAX_CODE_BYTES("maxCodeBytes", "bytes", 1L << 20, 1L << 30, 1L << 20, null,
            "code is %2$d bytes, above maxCodeBytes=%1$d",
            "Limit on the size of the source code in UTF-8",
            "checked before the guest starts; code the guest loads or evaluates is not counted"),
    /** Limit on the size of the JSON form of the inputs. */
    MAX_INPUT_BYTES("maxInputBytes", "bytes", 1L << 20, 1L << 31, 8L << 20, null,
            "inputs are %2$d bytes of JSON, above maxInputBytes=%1$d",
            "Limit on the size of the JSON form of the inputs",
            "checked before the guest starts; files of a session are bounded by its file-system quota instead");

    private final String key;
    private final String unit;
    private final long defaultValue;
    private final long maxValue;
    private final long serverMaximum;
    private final Status status;
    private final String breachTemplate;
    private final String description;
    private final String notCovered;

    Limit(String key, String unit, long defaultValue, long maxValue, long serverMaximum, Status status,
            String breachTemplate, String description, String notCovered) {
        this.key = key;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.maxValue = maxValue;
        this.serverMaximum = serverMaximum;
        this.status = status;
        this.breachTemplate = breachTemplate;
        this.description = description;
        this.notCovered = notCovered;
    }

    /** The name in the string and JSON forms, such as {@code timeoutMs}. */
    public String key() {
        return key;
    }

    /** The command-line flag, such as {@code --timeout-ms}: the key in kebab case. */
    public String flag() {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** The unit of the value: {@code ms}, {@code MiB}, {@code bytes} or {@code statements}. */
    public String unit() {
        return unit;
    }

    /** The value of {@link Limits#DEFAULT}. */
    public long defaultValue() {
        return defaultValue;
    }

    /** The value that turns the limit off: {@code 0}, for every limit. */
    public long offValue() {
        return 0;
    }

    /** The largest value accepted: a bound that catches unit mistakes, such as a timeout in nanoseconds. */
    public long maxValue() {
        return maxValue;
    }

    /**
     * The most a request to the HTTP server may ask for unless the server is configured otherwise; {@code 0}: no
     * maximum. See {@link Limits#defaultServerMaximums()}.
     */
    public long serverMaximum() {
        return serverMaximum;
    }

    /**
     * The status of an execution this limit stopped; empty for the limits checked before the guest starts, which
     * refuse the request with an {@link IllegalArgumentException} (HTTP 400, CLI exit code 2) instead.
     */
    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    /** What the limit bounds, one line without a final period. */
    public String description() {
        return description;
    }

    /** What the limit does not bound or catch; may hold Markdown code spans. */
    public String notCovered() {
        return notCovered;
    }

    /**
     * The message of an execution this limit stopped, such as {@code "wall-time limit of 1000 ms (timeoutMs)
     * reached"}.
     *
     * @throws IllegalStateException for a limit checked before the guest starts: see {@link #refusal(long, long)}
     */
    public String breach(long limit) {
        if (status == null) {
            throw new IllegalStateException(key + " is checked before the guest starts; use refusal(limit, measured)");
        }
        return String.format(Locale.ROOT, breachTemplate, limit);
    }

    /**
     * The message refusing a request that is {@code measured} units over the {@code limit}, such as {@code "code is
     * 2048 bytes, above maxCodeBytes=1024"}.
     *
     * @throws IllegalStateException for a limit enforced while the guest runs: see {@link #breach(long)}
     */
    public String refusal(long limit, long measured) {
        if (status != null) {
            throw new IllegalStateException(key + " stops a running guest; use breach(limit)");
        }
        return String.format(Locale.ROOT, breachTemplate, limit, measured);
    }

    /**
     * The limit whose {@link #key()} is {@code key}.
     *
     * @throws IllegalArgumentException naming the known keys if there is none
     */
    public static Limit ofKey(String key) {
        for (Limit limit : values()) {
            if (limit.key.equals(key)) {
                return limit;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Limit limit : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(limit.key);
        }
        throw new IllegalArgumentException("unknown limit '" + key + "'; known limits: " + known);
    }
}
