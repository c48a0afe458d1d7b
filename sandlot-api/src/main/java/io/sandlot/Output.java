package io.sandlot;

import io.sandlot.wire.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rich output of an execution, as a Jupyter-style mime bundle: what the guest showed with {@code display(value,
 * mimeType?)} or {@code chart(spec)}, in the order it did.
 *
 * <p>The bundle maps mime types to representations of one value: text for {@code text/plain}, {@code text/html},
 * {@code text/csv}, {@code text/markdown} and {@code image/svg+xml}; base64 text for {@code image/png}; a JSON-like
 * value for {@code application/json} and {@code application/vnd.vegalite.v6+json}. Every bundle has
 * {@code text/plain}, for front ends that can show nothing else.
 *
 * @param type the Jupyter message type it corresponds to; {@value #DISPLAY_DATA} for every output so far
 * @param data the mime bundle, in insertion order; JSON-like values only
 */
public record Output(String type, Map<String, Object> data) {

    /** The type of an output shown with {@code display} or {@code chart}. */
    public static final String DISPLAY_DATA = "display_data";
    /** The mime type every bundle has. */
    public static final String TEXT_PLAIN = "text/plain";

    /** Validates and copies; the bundle must hold {@value #TEXT_PLAIN} and JSON-like values only. */
    public Output {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!(data.get(TEXT_PLAIN) instanceof String)) {
            throw new IllegalArgumentException("an output's data must hold text/plain as a string");
        }
        Json.requireJsonLike("an output's data", data);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A {@value #DISPLAY_DATA} output of {@code data}. */
    public static Output display(Map<String, Object> data) {
        return new Output(DISPLAY_DATA, data);
    }

    /** The mime types of the bundle, in order. */
    public List<String> mimeTypes() {
        return List.copyOf(data.keySet());
    }

    /** The JSON form as an ordered map. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("data", data);
        return map;
    }

    /**
     * Reads the map form written by {@link #toMap()}.
     *
     * @throws IllegalArgumentException if {@code map} is not such a form
     */
    public static Output fromMap(Map<?, ?> map) {
        if (!(map.get("data") instanceof Map<?, ?> data)) {
            throw new IllegalArgumentException("an output needs a 'data' object");
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        data.forEach((mime, value) -> bundle.put(String.valueOf(mime), value));
        return new Output(Objects.toString(map.get("type"), DISPLAY_DATA), bundle);
    }
}
