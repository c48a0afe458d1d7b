package io.sandlot;

import java.util.List;
import java.util.Objects;

/**
 * The guest's error: its type as the guest names it ({@code TypeError}, {@code ZeroDivisionError},
 * {@code SyntaxError}...), its message, the line in the submitted code where it arose (null when the error did not
 * arise in the submitted code), and the guest stack, innermost frame first.
 */
public record GuestError(String type, String message, Integer line, List<String> stack) {
    /** Validates and copies. */
    public GuestError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        stack = List.copyOf(stack);
    }

    /** An error without location, for failures that are not the guest's own code (limits, internal faults). */
    public static GuestError of(String type, String message) {
        return new GuestError(type, message, null, List.of());
    }
}
