package io.sandlot.internal.sql;

import java.util.Locale;
import java.util.Optional;

/** The file formats that become tables, by extension, and the DuckDB reader of each. */
public enum TableFormat {
    CSV(".csv", "read_csv_auto(%s)"),
    TSV(".tsv", "read_csv_auto(%s, delim = '\\t')"),
    PARQUET(".parquet", "read_parquet(%s)"),
    JSON(".json", "read_json_auto(%s)"),
    JSONL(".jsonl", "read_json_auto(%s, format = 'newline_delimited')");

    private final String extension;
    private final String reader;

    TableFormat(String extension, String reader) {
        this.extension = extension;
        this.reader = reader;
    }

    public String extension() {
        return extension;
    }

    /** The table function reading a file of this format at {@code quotedPath}, an SQL string literal. */
    String reader(String quotedPath) {
        return String.format(Locale.ROOT, reader, quotedPath);
    }

    /** The format a file name's extension names, if any (case-insensitive). */
    static Optional<TableFormat> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
