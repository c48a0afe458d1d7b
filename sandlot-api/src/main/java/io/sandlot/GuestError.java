package io.sandlot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The guest's error: its type as the guest names it ({@code TypeError}, {@code ZeroDivisionError},
 * {@code SyntaxError}...), its message, the line in the submitted code where it arose (null when the error did not
 * arise in the submitted code), the guest stack, innermost frame first, the notes the guest added to it (Python's
 * {@code add_note}), and the error it was raised from or while handling, if any ({@link Cause}).
 */
public record GuestError(String type, String message, Integer line, List<String> stack, List<String> notes,
        Cause cause) {

    /**
     * The error that an error was raised from or while handling: Python's {@code __cause__} ({@code raise ... from
     * e}) and JavaScript's {@code cause} ({@code new Error(message, {cause})}) are explicit; Python's
     * {@code __context__} (an exception raised in an {@code except} block, unless it was raised {@code from None})
     * is not.
     */
    public record Cause(GuestError error, boolean explicit) {
        /** Validates. */
        public Cause {
            Objects.requireNonNull(error, "error");
        }

        /**
         * The line Python prints between the cause's traceback and the traceback of the error it caused, which says
         * how they are linked.
         */
        public String sentence() {
            return explicit ? "The above exception was the direct cause of the following exception:"
                    : "During handling of the above exception, another exception occurred:";
        }
    }

    /** Validates and copies. */
    public GuestError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        stack = List.copyOf(stack);
        notes = List.copyOf(notes);
    }

    /** An error without notes or cause. */
    public GuestError(String type, String message, Integer line, List<String> stack) {
        this(type, message, line, stack, List.of(), null);
    }

    /** An error without location, for failures that are not the guest's own code (limits, internal faults). */
    public static GuestError of(String type, String message) {
        return new GuestError(type, message, null, List.of());
    }

    /**
     * This error and those it was raised from or while handling, oldest first, this error last: the order in which
     * Python prints an uncaught exception's chain.
     */
    public List<GuestError> chain() {
        List<GuestError> chain = new ArrayList<>();
        for (GuestError each = this; each != null; each = each.cause() == null ? null : each.cause().error()) {
            chain.add(each);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The JSON form as an ordered map: type, message, line, stack, notes and cause ({explicit, error}, or null). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("message", message);
        map.put("line", line);
        map.put("stack", stack);
        map.put("notes", notes);
        if (cause == null) {
            map.put("cause", null);
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("explicit", cause.explicit());
            c.put("error", cause.error().toMap());
            map.put("cause", c);
        }
        return map;
    }

    /**
     * Reads the map form written by {@link #toMap()}; notes and cause may be absent (an error written before they
     * existed).
     */
    public static GuestError fromMap(Map<?, ?> map) {
        Cause cause = map.get("cause") instanceof Map<?, ?> c && c.get("error") instanceof Map<?, ?> error
                ? new Cause(fromMap(error), Boolean.TRUE.equals(c.get("explicit"))) : null;
        return new GuestError(String.valueOf(map.get("type")), String.valueOf(map.get("message")),
                map.get("line") instanceof Number n ? n.intValue() : null, strings(map.get("stack")),
                strings(map.get("notes")), cause);
    }

    private static List<String> strings(Object array) {
        return array instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
