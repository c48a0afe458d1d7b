package io.sandlot.internal.output;

import java.util.Locale;
import java.util.Map;

/** The media type of an artifact, by the extension of its name. */
final class MimeTypes {

    /** The type of a name whose extension is unknown or missing. */
    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"), Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("json", "application/json"), Map.entry("jsonl", "application/jsonl"),
            Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("parquet", "application/vnd.apache.parquet"), Map.entry("zip", "application/zip"));

    private MimeTypes() {
    }

    /** The type of {@code name}, {@value #UNKNOWN} if its extension is not known. */
    static String of(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot < name.lastIndexOf('/')) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
