package io.sandlot.internal.lang;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.sandlot.wire.Json;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON-like value as a Python literal expression, so that GraalPy can build native values from it without
 * importing {@code json} (a pure-Python module whose import costs a fresh context hundreds of milliseconds). Strings
 * are written with JSON escapes, which Python string literals read the same way, so no input can become code.
 */
final class PythonLiterals {

    private PythonLiterals() {
    }

    /** The literal for {@code value}, which must be JSON-like ({@link Json#requireJsonLike}). */
    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(Json.write(value));            // finite, checked by requireJsonLike; 1.0E10 is valid Python
        } else if (value instanceof Number) {
            out.append(value);                        // integers of any size are exact in Python
        } else if (value instanceof String s) {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object element : list) {
                write(element, out);
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            map.forEach((k, v) -> {
                write(k, out);
                out.append(':');
                write(v, out);
                out.append(',');
            });
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
        }
    }
}
