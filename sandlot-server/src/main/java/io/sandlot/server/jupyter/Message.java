package io.sandlot.server.jupyter;

import io.sandlot.wire.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One Jupyter message (protocol 5.3) in its WebSocket JSON form: {@code channel}, {@code header},
 * {@code parent_header}, {@code metadata}, {@code content}, {@code buffers}. Unsigned: Jupyter over a WebSocket to a
 * gateway carries no HMAC signature.
 *
 * @param channel {@code shell}, {@code control}, {@code iopub} or {@code stdin}
 * @param header the header: {@code msg_id}, {@code msg_type}, {@code session}, {@code date}, {@code version},
 *     {@code username}
 * @param parentHeader the header of the request this answers; empty for a request
 * @param metadata free-form metadata
 * @param content the message type's content
 */
record Message(String channel, Map<String, Object> header, Map<String, Object> parentHeader,
        Map<String, Object> metadata, Map<String, Object> content) {

    /** The protocol version this gateway speaks. */
    static final String VERSION = "5.3";

    private static final Set<String> CHANNELS = Set.of("shell", "control", "iopub", "stdin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The message's type, such as {@code execute_request}. */
    String type() {
        return (String) header.get("msg_type");
    }

    /** The message's id. */
    String id() {
        return (String) header.get("msg_id");
    }

    /**
     * Reads a frame a client sent. A missing {@code channel} means {@code shell}; a missing {@code msg_id},
     * {@code session}, {@code date}, {@code version} or {@code username} is filled in ({@code session} with
     * {@code clientSession}); a {@code date} given as seconds since the epoch (a number) becomes the ISO form.
     *
     * @throws IllegalArgumentException saying what is wrong if the frame is not such a message
     */
    static Message parse(String frame, String clientSession) {
        Object parsed;
        try {
            parsed = Json.parse(frame);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the frame is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the frame must be a JSON object (a Jupyter message)");
        }
        Object channel = map.get("channel");
        if (channel == null) {
            channel = "shell";
        }
        if (!(channel instanceof String name) || !CHANNELS.contains(name)) {
            throw new IllegalArgumentException("unknown channel " + Json.write(channel)
                    + "; expected shell, control, iopub or stdin");
        }
        Map<String, Object> header = object(map, "header", true);
        if (!(header.get("msg_type") instanceof String type) || type.isBlank()) {
            throw new IllegalArgumentException("header.msg_type must be a non-empty string");
        }
        fill(header, "msg_id", UUID.randomUUID().toString());
        fill(header, "session", clientSession);
        fill(header, "version", VERSION);
        fill(header, "username", "username");
        Object date = header.get("date");
        if (date instanceof Number seconds) {
            header.put("date", formatDate(epochSeconds(seconds)));
        } else if (!(date instanceof String)) {
            header.put("date", formatDate(Instant.now()));
        }
        for (String key : List.of("msg_id", "session", "version", "username")) {
            if (!(header.get(key) instanceof String)) {
                throw new IllegalArgumentException("header." + key + " must be a string");
            }
        }
        return new Message(name, header, object(map, "parent_header", false), object(map, "metadata", false),
                object(map, "content", false));
    }

    /** A message the kernel sends in answer to {@code parent}, from the kernel-side session {@code session}. */
    static Message reply(Message parent, String channel, String type, Map<String, Object> content, String session) {
        return new Message(channel, header(type, session), parent.header, new LinkedHashMap<>(), content);
    }

    /** A fresh header of a kernel-side message. */
    static Map<String, Object> header(String type, String session) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("msg_type", type);
        header.put("session", session);
        header.put("date", formatDate(Instant.now()));
        header.put("version", VERSION);
        header.put("username", "sandlot");
        return header;
    }

    /**
     * The frame text. Besides the protocol's fields it carries {@code msg_id} and {@code msg_type} at the top, as
     * Jupyter Server's messages do (they are jupyter_client's message dictionaries), and as jupyter_server's own
     * gateway client reads them.
     */
    String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("channel", channel);
        map.put("msg_id", header.get("msg_id"));
        map.put("msg_type", header.get("msg_type"));
        map.put("header", header);
        map.put("parent_header", parentHeader);
        map.put("metadata", metadata);
        map.put("content", content);
        map.put("buffers", List.of());
        return Json.write(map);
    }

    /** An instant as Jupyter writes dates: {@code YYYY-MM-DDTHH:MM:SS.ffffffZ}. */
    static String formatDate(Instant instant) {
        return DATE.format(instant);
    }

    private static Instant epochSeconds(Number seconds) {
        BigDecimal value = new BigDecimal(seconds.toString());
        BigDecimal micros = value.movePointRight(6);
        if (value.signum() < 0 || micros.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
            throw new IllegalArgumentException("header.date " + seconds + " is not a time");
        }
        long total = micros.longValue();
        return Instant.ofEpochSecond(total / 1_000_000, (total % 1_000_000) * 1000);
    }

    private static void fill(Map<String, Object> header, String key, String value) {
        Object present = header.get(key);
        if (present == null || present instanceof String s && s.isEmpty()) {
            header.put(key, value);
        }
    }

    /** The object under {@code key} as a mutable copy; absent or null is an empty object unless required. */
    private static Map<String, Object> object(Map<?, ?> map, String key, boolean required) {
        Object value = map.get(key);
        if (value == null && !required) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException(key + " must be a JSON object" + (value == null ? ", is missing" : ""));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((k, v) -> copy.put((String) k, v));
        return copy;
    }
}
