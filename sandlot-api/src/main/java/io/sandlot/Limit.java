package io.sandlot;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits an execution can have: one row per limit, holding everything that is said about it anywhere. The
 * Java API ({@link Limits}), the string and JSON forms, the CLI flags, the breach messages and the server's default
 * maximums follow from this table; tests keep the OpenAPI document and the README in step with it. Adding a limit
 * means adding a row here, enforcing it, and regenerating those two documents from the tests' expectations.
 *
 * <p>Every limit is a whole number in its {@link #unit()}; {@code 0} turns it off. Most limits stop a running guest
 * and end its execution with their {@link #status()}; the size limits on code and inputs have no status: a request
 * over them is refused with an {@link IllegalArgumentException} before the guest starts, and gets no result. The row
 * limit of SQL results neither stops nor refuses: it {@linkplain #truncates() cuts} the result.
 */
public enum Limit {
    /** Wall-time limit, counted from the start of guest code. */
    TIMEOUT_MS(new Row("timeoutMs", "ms")
            .defaultValue(30_000).maxValue(86_400_000L).serverMaximum(60_000)
            .stops(Status.TIMEOUT, "wall-time limit of %1$d ms (timeoutMs) reached")
            .description("Wall-time limit, counted from the start of guest code")
            .notCovered("creating the context (0.2 ms JS, 50-200 ms warm Python, seconds for the first Python context "
                    + "of a process) is not counted")),
    /** CPU-time limit of the guest thread. */
    CPU_TIME_MS(new Row("cpuTimeMs", "ms")
            .defaultValue(10_000).maxValue(86_400_000L).serverMaximum(0)
            .stops(Status.CPU_LIMIT, "CPU-time limit of %1$d ms (cpuTimeMs) reached")
            .description("CPU-time limit of the guest thread")
            .notCovered("JIT compilation and GC run on other threads and are not counted; sampled every 5 ms")),
    /** Statement limit: statements of the guest's own code. */
    MAX_STATEMENTS(new Row("maxStatements", "statements")
            .defaultValue(0).maxValue(Long.MAX_VALUE / 2).serverMaximum(0)
            .stops(Status.STATEMENT_LIMIT, "statement limit of %1$d (maxStatements) reached")
            .description("Statement limit: statements of the guest's own code")
            .notCovered("counts the submitted code, what it `eval`s and modules it wrote to its own tree, not the "
                    + "standard library. JS: reliable; a guest `try`/`catch` cannot swallow it. Python: GraalPy counts "
                    + "line transitions, so a one-line loop (`while True: x += 1`) or one long builtin call "
                    + "(`sum(range(10**11))`) counts as one, and in our tests statements after an `import` went "
                    + "uncounted; the time limits are the backstop (`LimitEnforcementTest`)")),
    /**
     * Memory the execution may retain: the growth of the live heap after a full collection since it started, never
     * more than it allocated.
     */
    MAX_MEMORY_MB(new Row("maxMemoryMb", "MiB")
            .defaultValue(512).maxValue(1L << 20).serverMaximum(1024)
            .stops(Status.MEMORY_LIMIT, "memory limit of %1$d MiB (maxMemoryMb) reached: the guest retained more "
                    + "than that after garbage collection")
            .description("Memory the execution may retain: the growth of the live heap after a full collection "
                    + "since it started, never more than it allocated")
            .notCovered("garbage never counts, however much; measured from the whole heap, so memory the host frees "
                    + "or allocates meanwhile is within its error bars (see How the memory limit works below). In a "
                    + "session it bounds what one execution adds to the session's heap, not what earlier executions "
                    + "left")),
    /** Limit on the size of stdout plus stderr, and of the JSON form of the value. */
    MAX_OUTPUT_BYTES(new Row("maxOutputBytes", "bytes")
            .defaultValue(1L << 20).maxValue(1L << 31).serverMaximum(16L << 20)
            .stops(Status.OUTPUT_LIMIT, "output limit of %1$d bytes (maxOutputBytes) reached")
            .description("Limit on the size of stdout plus stderr, and of the JSON form of the value")
            .notCovered("output is truncated at the limit, then the guest is stopped")),
    /**
     * Limit on the number of display outputs (`display`, `chart`) plus artifacts (files written under `/work/out/`)
     * of one execution.
     */
    MAX_OUTPUTS(new Row("maxOutputs", "outputs")
            .defaultValue(100).maxValue(1_000_000).serverMaximum(1_000)
            .stops(Status.OUTPUT_COUNT_LIMIT, "limit of %1$d display outputs and artifacts (maxOutputs) reached")
            .description("Limit on the number of display outputs (`display`, `chart`) plus artifacts (files written "
                    + "under `/work/out/`) of one execution")
            .notCovered("stdout, stderr and the value are bounded by maxOutputBytes instead; the artifacts are counted "
                    + "when the guest has finished")),
    /**
     * Limit on the total size of the display outputs (their data, in UTF-8) plus the artifacts (file sizes) of one
     * execution.
     */
    MAX_ARTIFACT_BYTES(new Row("maxArtifactBytes", "bytes")
            .defaultValue(16L << 20).maxValue(1L << 31).serverMaximum(64L << 20)
            .stops(Status.ARTIFACT_LIMIT, "limit of %1$d bytes of display outputs and artifacts (maxArtifactBytes) "
                    + "reached")
            .description("Limit on the total size of the display outputs (their data, in UTF-8) plus the artifacts "
                    + "(file sizes) of one execution")
            .notCovered("the artifacts are measured when the guest has finished; what the guest may write to its "
                    + "files at all is bounded by the policy's file-system quota")),
    /** Limit on the size of the source code in UTF-8. */
    MAX_CODE_BYTES(new Row("maxCodeBytes", "bytes")
            .defaultValue(1L << 20).maxValue(1L << 30).serverMaximum(1L << 20)
            .refuses("code is %2$d bytes, above maxCodeBytes=%1$d")
            .description("Limit on the size of the source code in UTF-8")
            .notCovered("checked before the guest starts; code the guest loads or evaluates is not counted")),
    /** Limit on the size of the JSON form of the inputs and of the script's arguments. */
    MAX_INPUT_BYTES(new Row("maxInputBytes", "bytes")
            .defaultValue(1L << 20).maxValue(1L << 31).serverMaximum(8L << 20)
            .refuses("inputs and arguments are %2$d bytes of JSON, above maxInputBytes=%1$d")
            .description("Limit on the size of the JSON form of the inputs and of the script's arguments")
            .notCovered("checked before the guest starts; files of a session are bounded by its file-system quota "
                    + "instead")),
    /** Rows an SQL query may return: the value of language `sql`, or what a guest's `sql()` gets. */
    MAX_RESULT_ROWS(new Row("maxResultRows", "rows")
            .defaultValue(10_000).maxValue(1L << 31).serverMaximum(0)
            .truncates("the query returned more than %1$d rows (maxResultRows); aggregate, filter or add a LIMIT")
            .description("Rows an SQL query may return: the value of language `sql`, or what a guest's `sql()` gets")
            .notCovered("language `sql` returns the first rows with `\"truncated\": true` and status `ok`; a guest's "
                    + "`sql()` raises an error naming the limit instead of returning a partial list. Rows are "
                    + "streamed, so a huge query stops at the limit; the size of each row is bounded only by "
                    + "`maxMemoryMb` (DuckDB's `memory_limit`) and `maxOutputBytes`"));

    private final String key;
    private final String unit;
    private final long defaultValue;
    private final long maxValue;
    private final long serverMaximum;
    private final Status status;
    private final boolean truncates;
    private final String breachTemplate;
    private final String description;
    private final String notCovered;

    Limit(Row row) {
        this.key = row.key;
        this.unit = row.unit;
        this.defaultValue = row.defaultValue;
        this.maxValue = row.maxValue;
        this.serverMaximum = row.serverMaximum;
        this.status = row.status;
        this.truncates = row.truncates;
        this.breachTemplate = Objects.requireNonNull(row.breachTemplate, row.key + ": stops(...) or refuses(...)");
        this.description = Objects.requireNonNull(row.description, row.key + ": description");
        this.notCovered = Objects.requireNonNull(row.notCovered, row.key + ": notCovered");
        if (maxValue <= 0 || defaultValue < 0 || defaultValue > maxValue || serverMaximum < 0
                || serverMaximum > maxValue) {
            throw new IllegalStateException(key + ": needs 0 <= defaultValue, serverMaximum <= maxValue, 0 < maxValue");
        }
    }

    /** The name in the string and JSON forms, such as {@code timeoutMs}. */
    public String key() {
        return key;
    }

    /** The command-line flag, such as {@code --timeout-ms}: the key in kebab case. */
    public String flag() {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /**
     * The unit of the value: {@code ms}, {@code MiB}, {@code bytes}, {@code statements}, {@code rows} or
     * {@code outputs}.
     */
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
     * refuse the request with an {@link IllegalArgumentException} (HTTP 400, CLI exit code 2) instead, and for a
     * limit that {@linkplain #truncates() truncates}.
     */
    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    /** Whether the limit cuts a result rather than stopping the guest or refusing the request. */
    public boolean truncates() {
        return truncates;
    }

    /**
     * The message of a result this limit cut, such as {@code "the query returned more than 100 rows
     * (maxResultRows); ..."}.
     *
     * @throws IllegalStateException for a limit that does not truncate
     */
    public String truncation(long limit) {
        if (!truncates) {
            throw new IllegalStateException(key + " does not truncate");
        }
        return String.format(Locale.ROOT, breachTemplate, limit);
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
            throw new IllegalStateException(key + (truncates ? " truncates; use truncation(limit)"
                    : " is checked before the guest starts; use refusal(limit, measured)"));
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
        if (status != null || truncates) {
            throw new IllegalStateException(key + (truncates ? " truncates; use truncation(limit)"
                    : " stops a running guest; use breach(limit)"));
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

    /** The cells of one row, named where the table is written. */
    private static final class Row {
        private final String key;
        private final String unit;
        private long defaultValue;
        private long maxValue;
        private long serverMaximum;
        private Status status;
        private boolean truncates;
        private String breachTemplate;
        private String description;
        private String notCovered;

        Row(String key, String unit) {
            this.key = key;
            this.unit = unit;
        }

        Row defaultValue(long value) {
            this.defaultValue = value;
            return this;
        }

        Row maxValue(long value) {
            this.maxValue = value;
            return this;
        }

        Row serverMaximum(long value) {
            this.serverMaximum = value;
            return this;
        }

        /** The limit stops a running guest with {@code status}; the template formats the limit ({@code %1$d}). */
        Row stops(Status status, String template) {
            this.status = Objects.requireNonNull(status, key + ": status");
            this.breachTemplate = template;
            return this;
        }

        /** The limit refuses a request before start; the template formats the limit and what was measured. */
        Row refuses(String template) {
            this.breachTemplate = template;
            return this;
        }

        /** The limit cuts a result; the template formats the limit ({@code %1$d}). */
        Row truncates(String template) {
            this.truncates = true;
            this.breachTemplate = template;
            return this;
        }

        Row description(String text) {
            this.description = text;
            return this;
        }

        Row notCovered(String text) {
            this.notCovered = text;
            return this;
        }
    }
}
