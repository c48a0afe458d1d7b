package io.sandlot.wire;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON forms of the REST API's sessions, files and errors: what the server writes and the client reads, in one
 * place. Each form's {@code fromMap} checks what a peer may get wrong and throws {@link IllegalArgumentException}
 * naming the field; each {@code toMap} gives the map the other side reads back.
 */
public final class RestForms {

    private RestForms() {
    }

    /**
     * The body of {@code POST /v1/sessions}: {@code {"language": "python", "limits": {...}, "ttlSeconds": 600}}
     * ({@code limits} and {@code ttlSeconds} optional).
     *
     * @param language the session's language
     * @param limits the limits of each execution, if not the server's defaults
     * @param ttl the idle time after which the server closes it, if not the server's default
     */
    public record NewSession(Language language, Optional<Limits> limits, Optional<Duration> ttl) {

        private static final List<String> FIELDS = List.of("language", "limits", "ttlSeconds");

        /** The map form; a TTL is sent in whole seconds, at least 1. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("language", language.id());
            limits.ifPresent(l -> map.put("limits", l.toMap()));
            ttl.ifPresent(t -> map.put("ttlSeconds", Math.max(1, t.toSeconds())));
            return map;
        }

        /**
         * Reads the map form; limits it does not name keep their value in {@code defaults}.
         *
         * @throws IllegalArgumentException naming an unknown field, a missing language or a malformed value
         */
        public static NewSession fromMap(Map<String, ?> body, Limits defaults) {
            requireKnown(body, FIELDS);
            if (!(body.get("language") instanceof String name)) {
                throw new IllegalArgumentException("field 'language' is required and must be a string");
            }
            Optional<Limits> limits = Optional.empty();
            Object limitsField = body.get("limits");
            if (limitsField != null) {
                if (!(limitsField instanceof Map<?, ?> limitMap)) {
                    throw new IllegalArgumentException("field 'limits' must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) limitMap;
                limits = Optional.of(Limits.fromMap(typed, defaults));
            }
            Optional<Duration> ttl = Optional.empty();
            Object ttlField = body.get("ttlSeconds");
            if (ttlField != null) {
                if (!(ttlField instanceof Long || ttlField instanceof Integer)) {
                    throw new IllegalArgumentException("ttlSeconds must be a whole number of seconds, was " + ttlField);
                }
                ttl = Optional.of(Duration.ofSeconds(((Number) ttlField).longValue()));
            }
            return new NewSession(Language.of(name), limits, ttl);
        }
    }

    /**
     * A session as {@code GET /v1/sessions/{id}} describes it.
     *
     * @param id the session's id
     * @param language its language
     * @param limits the limits of each of its executions
     * @param ttlSeconds the idle time after which the server closes it
     * @param createdAt when it was created, ISO-8601
     * @param idleMs milliseconds since it was last used; 0 while in use
     * @param busy whether an execution or file operation is running in it
     * @param open false once the server closed it
     */
    public record SessionState(String id, Language language, Limits limits, long ttlSeconds, String createdAt,
            long idleMs, boolean busy, boolean open) {

        /** The map form. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            map.put("language", language.id());
            map.put("limits", limits.toMap());
            map.put("ttlSeconds", ttlSeconds);
            map.put("createdAt", createdAt);
            map.put("idleMs", idleMs);
            map.put("busy", busy);
            map.put("open", open);
            return map;
        }

        /**
         * Reads the map form.
         *
         * @throws IllegalArgumentException naming the first field that is missing or of the wrong type
         */
        public static SessionState fromMap(Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> limits = (Map<String, ?>) field(map, "limits", Map.class);
            return new SessionState(field(map, "id", String.class),
                    Language.of(field(map, "language", String.class)), Limits.fromMap(limits, Limits.DEFAULT),
                    field(map, "ttlSeconds", Number.class).longValue(), field(map, "createdAt", String.class),
                    field(map, "idleMs", Number.class).longValue(), field(map, "busy", Boolean.class),
                    field(map, "open", Boolean.class));
        }
    }

    /**
     * The body of {@code GET /v1/sessions/{id}/files}.
     *
     * @param files every file, with its absolute path and size
     * @param totalBytes the bytes the files hold
     * @param quotaBytes the most they may hold
     */
    public record FileListing(List<Session.FileInfo> files, long totalBytes, long quotaBytes) {

        /** The map form. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("files", files.stream().map(RestForms::fileToMap).toList());
            map.put("totalBytes", totalBytes);
            map.put("quotaBytes", quotaBytes);
            return map;
        }

        /**
         * Reads the map form.
         *
         * @throws IllegalArgumentException naming the first field that is missing or of the wrong type
         */
        public static FileListing fromMap(Map<?, ?> map) {
            List<Session.FileInfo> files = new ArrayList<>();
            for (Object entry : field(map, "files", List.class)) {
                if (!(entry instanceof Map<?, ?> file)) {
                    throw new IllegalArgumentException("field 'files' must hold objects, was " + entry);
                }
                files.add(new Session.FileInfo(field(file, "path", String.class),
                        field(file, "size", Number.class).longValue()));
            }
            return new FileListing(List.copyOf(files), field(map, "totalBytes", Number.class).longValue(),
                    field(map, "quotaBytes", Number.class).longValue());
        }
    }

    /**
     * An error answer: {@code {"error": "session_not_found", "message": "..."}}.
     *
     * @param error a stable code a client can branch on
     * @param message what went wrong, for a person
     */
    public record ErrorBody(String error, String message) {

        /** The map form. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("error", error);
            map.put("message", message);
            return map;
        }

        /** Reads an error body; empty if {@code json} is not one (a proxy's HTML page, say). */
        public static Optional<ErrorBody> parse(String json) {
            try {
                if (Json.parse(json) instanceof Map<?, ?> map && map.get("error") instanceof String error) {
                    Object message = map.get("message");
                    return Optional.of(new ErrorBody(error, message == null ? "" : message.toString()));
                }
            } catch (IllegalArgumentException e) {
                // not JSON: no error body
            }
            return Optional.empty();
        }
    }

    /** The map form of one file: {@code {"path": "/work/data.csv", "size": 1234}}. */
    public static Map<String, Object> fileToMap(Session.FileInfo file) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", file.path());
        map.put("size", file.size());
        return map;
    }

    /**
     * The body of {@code POST /v1/sessions/{id}/execute}: {@code {"code": "...", "inputs": {...}}} ({@code inputs}
     * optional).
     */
    public static Map<String, Object> executeToMap(String code, Map<String, ?> inputs) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", code);
        if (!inputs.isEmpty()) {
            Json.requireJsonLike("inputs", inputs);
            map.put("inputs", inputs);
        }
        return map;
    }

    /**
     * Reads the body of {@code POST /v1/sessions/{id}/execute} as a request in the session's language; it names no
     * limits (the session's apply).
     *
     * @throws IllegalArgumentException naming an unknown field or a malformed value
     */
    public static ExecutionRequest executeFromMap(Map<String, ?> body, Language language) {
        requireKnown(body, List.of("code", "inputs"));
        Map<String, Object> withLanguage = new LinkedHashMap<>(body);
        withLanguage.put("language", language.id());
        return Requests.fromMap(withLanguage, Limits.DEFAULT, Set.of());
    }

    private static void requireKnown(Map<String, ?> body, List<String> known) {
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "'; expected " + String.join(", ", known));
            }
        }
    }

    private static <T> T field(Map<?, ?> map, String name, Class<T> type) {
        Object value = map.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("field '" + name + "' must be a " + type.getSimpleName().toLowerCase()
                    + ", was " + value);
        }
        return type.cast(value);
    }
}
