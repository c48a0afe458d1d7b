package io.sandlot;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A file the guest wrote under {@code /work/out/} during an execution.
 *
 * <p>Its content comes with it, base64-encoded, bounded with the display outputs by
 * {@link Limits#maxArtifactBytes()}: a stateless execution's files are gone when it ends, so this is the only way to
 * get them. In a session the file stays in the session's tree as well, where the session's file operations read it.
 *
 * @param name the path relative to {@code /work/out/}, with {@code /} between folders, such as {@code plots/a.svg}
 * @param mimeType the media type its extension suggests, {@code application/octet-stream} if none
 * @param size its size in bytes
 * @param contentBase64 its content, base64-encoded; null where a form carries no content (none does so far)
 */
public record Artifact(String name, String mimeType, long size, String contentBase64) {

    /** Validates. */
    public Artifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        if (size < 0) {
            throw new IllegalArgumentException("an artifact's size must not be negative: " + size);
        }
    }

    /** An artifact with its content. */
    public static Artifact of(String name, String mimeType, byte[] content) {
        return new Artifact(name, mimeType, content.length, Base64.getEncoder().encodeToString(content));
    }

    /** The content, if this artifact carries it. */
    public Optional<byte[]> content() {
        return Optional.ofNullable(contentBase64).map(Base64.getDecoder()::decode);
    }

    /** The JSON form as an ordered map; {@code contentBase64} only when there is content. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("mimeType", mimeType);
        map.put("size", size);
        if (contentBase64 != null) {
            map.put("contentBase64", contentBase64);
        }
        return map;
    }

    /**
     * Reads the map form written by {@link #toMap()}.
     *
     * @throws IllegalArgumentException if a field is missing or of the wrong type
     */
    public static Artifact fromMap(Map<?, ?> map) {
        if (!(map.get("name") instanceof String name) || !(map.get("size") instanceof Number size)) {
            throw new IllegalArgumentException("an artifact needs a string 'name' and a number 'size'");
        }
        Object content = map.get("contentBase64");
        return new Artifact(name, Objects.toString(map.get("mimeType"), "application/octet-stream"),
                size.longValue(), content == null ? null : content.toString());
    }
}
