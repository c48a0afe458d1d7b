package io.sandlot.wire;

import io.sandlot.ExecutionRequest;
import io.sandlot.Isolation;
import io.sandlot.Language;
import io.sandlot.Limits;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an execution request, shared by {@code batch} and the HTTP API:
 * {@code {"language": "js", "code": "...", "inputs": {...}, "arguments": ["a.csv"], "files": {"a.csv":
 * "<base64>"}, "limits": {"timeoutMs": 1000, ...}, "isolation": "worker"}} (all but {@code language} and
 * {@code code} optional; {@code files} maps a path relative to {@code /work} to the file's content in base64).
 */
public final class Requests {

    private static final Set<String> FIELDS = Set.of("language", "code", "inputs", "arguments", "files",
            "limits", "isolation");

    private Requests() {
    }

    /** The map form of {@code request}: what {@link #fromMap} reads back. */
    public static Map<String, Object> toMap(ExecutionRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("language", request.language().id());
        map.put("code", request.code());
        if (!request.inputs().isEmpty()) {
            Json.requireJsonLike("inputs", request.inputs());
            map.put("inputs", request.inputs());
        }
        if (!request.arguments().isEmpty()) {
            map.put("arguments", request.arguments());
        }
        if (!request.files().isEmpty()) {
            Map<String, Object> files = new LinkedHashMap<>();
            request.files().forEach((path, content) -> files.put(path, Base64.getEncoder().encodeToString(content)));
            map.put("files", files);
        }
        request.limits().ifPresent(limits -> map.put("limits", limits.toMap()));
        request.isolation().ifPresent(isolation -> map.put("isolation", isolation.id()));
        return map;
    }

    /**
     * Reads a request from its map form. {@code extraFields} names fields the front end handles itself (such as
     * {@code id}); any other unknown field is an error.
     *
     * @throws IllegalArgumentException naming the missing, unknown or malformed field
     */
    public static ExecutionRequest fromMap(Map<String, Object> map, Limits baseLimits, Set<String> extraFields) {
        for (String field : map.keySet()) {
            if (!FIELDS.contains(field) && !extraFields.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field
                        + "'; expected language, code, inputs, arguments, files, limits, isolation" + (extraFields.isEmpty() ? "" : ", "
                        + String.join(", ", extraFields)));
            }
        }
        if (!(map.get("language") instanceof String language)) {
            throw new IllegalArgumentException("field 'language' is required and must be a string");
        }
        if (!(map.get("code") instanceof String code)) {
            throw new IllegalArgumentException("field 'code' is required and must be a string");
        }
        ExecutionRequest.Builder builder = ExecutionRequest.newBuilder(Language.of(language), code);
        Object inputs = map.get("inputs");
        if (inputs != null) {
            if (!(inputs instanceof Map<?, ?> inputMap)) {
                throw new IllegalArgumentException("field 'inputs' must be an object");
            }
            inputMap.forEach((name, value) -> builder.input((String) name, value));
        }
        Object arguments = map.get("arguments");
        if (arguments != null) {
            if (!(arguments instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException("field 'arguments' must be an array of strings");
            }
            builder.arguments(list.stream().map(String.class::cast).toList());
        }
        Object files = map.get("files");
        if (files != null) {
            if (!(files instanceof Map<?, ?> fileMap)) {
                throw new IllegalArgumentException("field 'files' must be an object: path relative to /work -> "
                        + "the file's content in base64");
            }
            fileMap.forEach((path, content) -> {
                if (!(content instanceof String base64)) {
                    throw new IllegalArgumentException("files['" + path + "'] must be a string: the file's content "
                            + "in base64");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(base64);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("files['" + path + "'] is not base64: " + e.getMessage(), e);
                }
                builder.file((String) path, bytes);
            });
        }
        Object limits = map.get("limits");
        if (limits != null) {
            if (!(limits instanceof Map<?, ?> limitMap)) {
                throw new IllegalArgumentException("field 'limits' must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) limitMap;
            builder.limits(Limits.fromMap(typed, baseLimits));
        }
        Object isolation = map.get("isolation");
        if (isolation != null) {
            if (!(isolation instanceof String name)) {
                throw new IllegalArgumentException("field 'isolation' must be a string: in_process or worker");
            }
            builder.isolation(Isolation.of(name));
        }
        return builder.build();
    }
}
