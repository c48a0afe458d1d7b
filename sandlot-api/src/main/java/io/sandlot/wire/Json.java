package io.sandlot.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/** The one Jackson mapper of the project, between JSON text and JSON-like Java values. */
public final class Json {

    /**
     * Shared, thread-safe mapper: strict JSON; trailing tokens and a key repeated in one object (which JSON parsers
     * resolve differently, so a request could mean two things) rejected.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(256).maxStringLength(1 << 30).build());
    }

    private Json() {
    }

    /**
     * Checks that {@code value} is JSON-like: null, Boolean, a finite Number, String, List or Map with string keys.
     *
     * @param what names the value in the error message, such as {@code "input 'rows'"}
     * @throws IllegalArgumentException naming the first part that is not JSON-like
     */
    public static void requireJsonLike(String what, Object value) {
        requireJsonLike(what, value, 0);
    }

    private static void requireJsonLike(String what, Object value, int depth) {
        if (depth > 256) {
            throw new IllegalArgumentException(what + " is nested more than 256 levels deep (or is cyclic)");
        }
        if (value == null || value instanceof Boolean || value instanceof String) {
            return;
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException(what + " holds " + value + ", which JSON cannot represent");
        }
        if (value instanceof Number) {
            return;
        }
        if (value instanceof java.util.List<?> list) {
            for (Object element : list) {
                requireJsonLike(what, element, depth + 1);
            }
            return;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new IllegalArgumentException(what + " has a map key that is not a string: " + entry.getKey());
                }
                requireJsonLike(what, entry.getValue(), depth + 1);
            }
            return;
        }
        throw new IllegalArgumentException(what + " holds a " + value.getClass().getName()
                + "; only null, booleans, numbers, strings, lists and maps with string keys can be passed");
    }

    /** Writes a JSON-like value as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text into {@code null}, Boolean, Long/BigInteger, Double, String, List or Map.
     *
     * @throws IllegalArgumentException with the parser's message and position if the text is not valid JSON
     */
    public static Object parse(String text) {
        try {
            return Numbers.narrow(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }
}
