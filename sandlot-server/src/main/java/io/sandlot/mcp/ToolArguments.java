package io.sandlot.mcp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The arguments of one tool call, read with checks whose messages name the argument and what was expected. */
final class ToolArguments {

    private final String tool;
    private final Map<String, Object> arguments;

    ToolArguments(String tool, Map<String, Object> arguments) {
        this.tool = tool;
        this.arguments = arguments == null ? Map.of() : arguments;
    }

    /** A required string argument that is not blank. */
    String requireString(String name) {
        return optionalString(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> error("'" + name + "' is required and must be a non-empty string"));
    }

    /** An optional string argument; null counts as absent. */
    Optional<String> optionalString(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw error("'" + name + "' must be a string, was " + describe(value));
    }

    /** An optional number argument; null counts as absent. */
    Optional<BigDecimal> optionalNumber(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            try {
                return Optional.of(new BigDecimal(number.toString()));
            } catch (NumberFormatException e) {
                throw error("'" + name + "' must be a finite number, was " + number);
            }
        }
        throw error("'" + name + "' must be a number, was " + describe(value));
    }

    /** An optional JSON object argument; null counts as absent. */
    Optional<Map<String, Object>> optionalObject(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return Optional.of(object);
        }
        throw error("'" + name + "' must be an object, was " + describe(value));
    }

    /** The argument as given, if present and not null. */
    Optional<Object> raw(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    /** Refuses any argument not in {@code known}, so that a misspelt one is not silently ignored. */
    void requireOnly(Set<String> known) {
        for (String name : arguments.keySet()) {
            if (!known.contains(name)) {
                throw error("unknown argument '" + name + "'; expected "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    /** A tool error for this call. */
    ToolError error(String message) {
        return new ToolError(tool + ": " + message);
    }

    /** How a refusal names a JSON value of the wrong kind. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** A call the tool refuses; its message is what the client sees, with {@code isError} set. */
    static final class ToolError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ToolError(String message) {
            super(message, null, false, false);
        }
    }
}
