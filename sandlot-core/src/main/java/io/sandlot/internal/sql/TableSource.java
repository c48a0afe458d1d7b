package io.sandlot.internal.sql;

import java.util.Objects;

/**
 * Where one table comes from: a file of the guest's tree or an input.
 *
 * @param key the table's full name: the file's path relative to the working directory (such as
 *     {@code data/sales.csv}), or the input's name
 * @param alias a second name, the file name without its extension (such as {@code sales}), or null
 * @param format how to read the content
 * @param fingerprint changes whenever the content changes (size and modification time, or the input's text)
 * @param content the bytes, read only when the table is (re)loaded
 */
public record TableSource(String key, String alias, TableFormat format, String fingerprint, Content content) {

    /** The bytes of a table's source, read on demand. */
    @FunctionalInterface
    public interface Content {
        /** The bytes; an exception here skips the table and is reported with the query's errors. */
        byte[] read() throws Exception;
    }

    /** Checks the components. */
    public TableSource {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(content, "content");
    }
}
