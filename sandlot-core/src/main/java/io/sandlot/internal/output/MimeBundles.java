package io.sandlot.internal.output;

import io.sandlot.Output;
import io.sandlot.wire.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mime bundles of {@code display(value, mimeType?)} and {@code chart(spec)}, from the JSON-like copies of the
 * guest's arguments. Every bundle has {@code text/plain}; refusals name what was expected, for the guest to read.
 */
public final class MimeBundles {

    /** JSON data. */
    public static final String JSON = "application/json";
    /** A Vega-Lite spec, as JupyterLab renders it. */
    public static final String VEGA_LITE = "application/vnd.vegalite.v6+json";
    /** An SVG image, as text. */
    public static final String SVG = "image/svg+xml";

    /** Types whose representation is text: the value must be a string. */
    private static final Set<String> TEXT = Set.of("text/plain", "text/html", "text/csv", "text/markdown",
            "text/latex", SVG);
    /** Types whose representation is base64 text: the value must be a base64 string. */
    private static final Set<String> BASE64 = Set.of("image/png", "image/jpeg", "image/gif");
    /** Types whose text is worth showing as the plain text as well. */
    private static final Set<String> READABLE = Set.of("text/plain", "text/csv", "text/markdown", "text/latex");

    private MimeBundles() {
    }

    /**
     * The bundle of {@code display(value)}: a string as {@code text/plain}; a list or map as {@code application/json}
     * plus its JSON text as {@code text/plain}; any other value as its JSON text.
     */
    public static Output display(Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (value instanceof String text) {
            data.put(Output.TEXT_PLAIN, text);
        } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
            data.put(JSON, value);
            data.put(Output.TEXT_PLAIN, Json.write(value));
        } else {
            data.put(Output.TEXT_PLAIN, Json.write(value));
        }
        return Output.display(data);
    }

    /**
     * The bundle of {@code display(value, mimeType)}: that representation plus {@code text/plain}.
     *
     * @throws IllegalArgumentException if the type is not supported or the value does not suit it
     */
    public static Output display(Object value, String mimeType) {
        String type = mimeType.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> data = new LinkedHashMap<>();
        if (TEXT.contains(type)) {
            String text = requireString(value, type);
            data.put(type, text);
            data.put(Output.TEXT_PLAIN, READABLE.contains(type) ? text : summary(type, text.length() + " characters"));
        } else if (BASE64.contains(type)) {
            String base64 = requireString(value, type);
            int size;
            try {
                size = Base64.getDecoder().decode(base64).length;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("display(value, '" + type + "') needs the image as a base64 string: "
                        + e.getMessage());
            }
            data.put(type, base64);
            data.put(Output.TEXT_PLAIN, summary(type, size + " bytes"));
        } else if (type.equals(JSON) || type.startsWith("application/") && type.endsWith("+json")) {
            data.put(type, value);
            data.put(Output.TEXT_PLAIN, Json.write(value));
        } else {
            throw new IllegalArgumentException("display cannot show '" + mimeType + "'; it shows " + supported());
        }
        return Output.display(data);
    }

    /** The bundle of {@code chart(spec)}: the rendered SVG, the spec, and a line of text. */
    public static Output chart(Map<String, Object> spec, String svg) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SVG, svg);
        data.put(VEGA_LITE, spec);
        Object mark = spec.get("mark") instanceof Map<?, ?> def ? def.get("type") : spec.get("mark");
        Object title = spec.get("title") instanceof Map<?, ?> def ? def.get("text") : spec.get("title");
        data.put(Output.TEXT_PLAIN, "<Vega-Lite chart" + (mark instanceof String m ? ", " + m : "")
                + (title instanceof String t ? ": " + t : "") + ">");
        return Output.display(data);
    }

    /** The mime types {@code display} accepts, for messages and documentation. */
    public static String supported() {
        return String.join(", ", List.of("text/plain", "text/html", "text/csv", "text/markdown", "text/latex", SVG,
                "image/png", "image/jpeg", "image/gif (base64)", JSON, "application/*+json"));
    }

    private static String requireString(Object value, String type) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("display(value, '" + type + "') needs a string, not "
                + (value == null ? "null" : value instanceof Map<?, ?> ? "an object" : value instanceof List<?>
                        ? "a list" : "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT)));
    }

    private static String summary(String type, String size) {
        return "<" + type + ", " + size + ">";
    }
}
