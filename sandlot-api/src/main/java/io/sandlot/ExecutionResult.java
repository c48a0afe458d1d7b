package io.sandlot;

import io.sandlot.wire.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one execution, as data: a {@link Status} for every outcome, the value of the last expression as
 * a JSON-like Java value, captured stdout and stderr, the guest's error, and what the execution cost.
 *
 * <p>{@link #toJson()} gives the one JSON form shared by the CLI ({@code run --json}, {@code batch}) and the HTTP
 * API; {@link #fromJson(String)} reads it back.
 *
 * @param status how the execution ended
 * @param value the value of the last expression (JS completion value, Python's final expression statement),
 *     converted to {@code null}, {@link Boolean}, {@link Long}, {@link java.math.BigInteger}, {@link Double},
 *     {@link String}, {@link List} or {@link Map}; anything else as its string form; null unless {@code ok}
 * @param stdout what the guest wrote to standard output, truncated at {@link Limits#maxOutputBytes()}
 * @param stderr what the guest wrote to standard error, truncated likewise
 * @param error the guest's error, or the limit that stopped it; null when {@code ok}
 * @param stats wall time, CPU time and allocation of the execution
 * @param outputs what the guest showed with {@code display} and {@code chart}, in order; kept when a limit stopped
 *     it, up to the limit
 * @param artifacts the files the guest wrote under {@code /work/out/} during the execution, sorted by name, up to the
 *     limits; collected when the guest ran to its end or to its own error, else empty
 */
public record ExecutionResult(Status status, Object value, String stdout, String stderr, GuestError error,
        ExecutionStats stats, List<Output> outputs, List<Artifact> artifacts) {

    /** Validates and copies. */
    public ExecutionResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(stats, "stats");
        outputs = List.copyOf(outputs);
        artifacts = List.copyOf(artifacts);
    }

    /** A result without display outputs or artifacts. */
    public ExecutionResult(Status status, Object value, String stdout, String stderr, GuestError error,
            ExecutionStats stats) {
        this(status, value, stdout, stderr, error, stats, List.of(), List.of());
    }

    /**
     * A result for an execution that never ran guest code, such as one cancelled before it started or sent to a
     * closed session.
     */
    public static ExecutionResult notRun(Status status, String message) {
        return new ExecutionResult(status, null, "", "", GuestError.of(status.id(), message), ExecutionStats.empty());
    }

    /** True if the guest ran to completion. */
    public boolean isOk() {
        return status == Status.OK;
    }

    /** The value's JSON text ({@code null} when there is none). */
    public String valueJson() {
        return Json.write(value);
    }

    /** The JSON form of this result. */
    public String toJson() {
        return Json.write(toMap());
    }

    /** The JSON form as an ordered map, for embedding in a larger document. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status.id());
        map.put("value", value);
        map.put("stdout", stdout);
        map.put("stderr", stderr);
        map.put("error", error == null ? null : error.toMap());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("wallMs", stats.wallMs());
        s.put("cpuMs", stats.cpuMs());
        s.put("allocatedBytes", stats.allocatedBytes());
        s.put("stopMs", stats.stopMs());
        map.put("stats", s);
        map.put("outputs", outputs.stream().map(Output::toMap).toList());
        map.put("artifacts", artifacts.stream().map(Artifact::toMap).toList());
        return map;
    }

    /**
     * Reads the JSON form written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if {@code json} is not such a document
     */
    public static ExecutionResult fromJson(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a result must be a JSON object");
        }
        return fromMap(map);
    }

    /** Reads the map form; see {@link #fromJson(String)}. */
    public static ExecutionResult fromMap(Map<?, ?> map) {
        GuestError error = map.get("error") instanceof Map<?, ?> e ? GuestError.fromMap(e) : null;
        ExecutionStats stats = ExecutionStats.empty();
        if (map.get("stats") instanceof Map<?, ?> s) {
            stats = new ExecutionStats(number(s.get("wallMs")).doubleValue(), number(s.get("cpuMs")).doubleValue(),
                    number(s.get("allocatedBytes")).longValue(),
                    s.get("stopMs") instanceof Number stop ? stop.doubleValue() : null);
        }
        return new ExecutionResult(Status.of(String.valueOf(map.get("status"))), map.get("value"),
                Objects.toString(map.get("stdout"), ""), Objects.toString(map.get("stderr"), ""), error, stats,
                maps(map.get("outputs")).stream().map(Output::fromMap).toList(),
                maps(map.get("artifacts")).stream().map(Artifact::fromMap).toList());
    }

    /** The objects of a JSON array, none if it is absent (a result written before the field existed). */
    private static List<Map<?, ?>> maps(Object array) {
        if (array == null) {
            return List.of();
        }
        if (!(array instanceof List<?> list)) {
            throw new IllegalArgumentException("outputs and artifacts must be arrays");
        }
        return list.stream().<Map<?, ?>>map(item -> {
            if (!(item instanceof Map<?, ?> object)) {
                throw new IllegalArgumentException("outputs and artifacts must be arrays of objects");
            }
            return object;
        }).toList();
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
