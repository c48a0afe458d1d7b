package io.sandlot.server.jupyter;

import io.sandlot.Language;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code text/plain} form of an execution's value, written the way the language's own console shows it: Python
 * as {@code repr} ({@code 'a'}, {@code True}, {@code None}, {@code {'k': [1, 2]}}), JavaScript as Node's inspector
 * ({@code 'a'}, {@code true}, {@code null}, {@code { k: [ 1, 2 ] }}). The value is the JSON-like value of the result.
 */
final class PlainText {

    private PlainText() {
    }

    static String of(Language language, Object value) {
        StringBuilder out = new StringBuilder();
        switch (language) {
            case PYTHON -> python(value, out);
            case JS -> js(value, out);
        }
        return out.toString();
    }

    private static void python(Object value, StringBuilder out) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof String s) {
            quoted(s, out);
        } else if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(render(item, PlainText::python)));
            out.append(items);
        } else if (value instanceof Map<?, ?> map) {
            StringJoiner items = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> items.add(render(k, PlainText::python) + ": " + render(v, PlainText::python)));
            out.append(items);
        } else {
            out.append(value);
        }
    }

    private static void js(Object value, StringBuilder out) {
        if (value instanceof String s) {
            quoted(s, out);
        } else if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[ ", " ]").setEmptyValue("[]");
            list.forEach(item -> items.add(render(item, PlainText::js)));
            out.append(items);
        } else if (value instanceof Map<?, ?> map) {
            StringJoiner items = new StringJoiner(", ", "{ ", " }").setEmptyValue("{}");
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                items.add((key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? key : render(key, PlainText::js)) + ": "
                        + render(v, PlainText::js));
            });
            out.append(items);
        } else {
            out.append(value);
        }
    }

    private static String render(Object value, java.util.function.BiConsumer<Object, StringBuilder> style) {
        StringBuilder out = new StringBuilder();
        style.accept(value, out);
        return out.toString();
    }

    /** Single quotes, as both consoles print a string without one; else double quotes. */
    private static void quoted(String s, StringBuilder out) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        out.append(quote);
    }
}
