package io.sandlot.internal.sql;

import io.sandlot.internal.fs.FileEntry;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables a query sees: every {@code .csv}, {@code .tsv}, {@code .parquet}, {@code .json} or {@code .jsonl} file
 * under the working directory, named by its path relative to it and, unless two files share it, by its file name
 * without the extension; and every input that is a non-empty array of objects, named after the input.
 */
public final class TableSources {

    private TableSources() {
    }

    /**
     * The tables of {@code files} (under {@code workingDirectory}) and {@code inputs}.
     *
     * @param inputs the execution's inputs; pass an empty map where inputs are not tables (sessions)
     */
    public static List<TableSource> of(MemoryFileSystem files, String workingDirectory, Map<String, ?> inputs) {
        List<TableSource> sources = new ArrayList<>();
        String prefix = workingDirectory.endsWith("/") ? workingDirectory : workingDirectory + "/";
        Map<String, Integer> aliasCount = new HashMap<>();
        List<FileEntry> tableFiles = new ArrayList<>();
        for (FileEntry entry : files == null ? List.<FileEntry>of() : files.list()) {
            if (entry.path().startsWith(prefix) && TableFormat.of(entry.path()).isPresent()) {
                tableFiles.add(entry);
                aliasCount.merge(alias(entry.path()), 1, Integer::sum);
            }
        }
        for (FileEntry entry : tableFiles) {
            String path = entry.path();
            String alias = alias(path);
            Optional<String> modified = modified(files, path);
            if (modified.isEmpty()) {
                continue;   // deleted since it was listed
            }
            sources.add(new TableSource(path.substring(prefix.length()),
                    aliasCount.get(alias) == 1 && !inputs.containsKey(alias) ? alias : null,
                    TableFormat.of(path).orElseThrow(), entry.size() + "@" + modified.get(),
                    () -> files.readFile(path)));
        }
        inputs.forEach((name, value) -> {
            if (isTable(value)) {
                String json = Json.write(value);
                sources.add(new TableSource(name, null, TableFormat.JSON, json.length() + "#" + json.hashCode(),
                        () -> json.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return sources;
    }

    /** Whether an input is a table: a non-empty array of objects. */
    public static boolean isTable(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return false;
        }
        for (Object element : list) {
            if (!(element instanceof Map)) {
                return false;
            }
        }
        return true;
    }

    private static String alias(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - TableFormat.of(name).orElseThrow().extension().length());
    }

    private static Optional<String> modified(MemoryFileSystem files, String path) {
        try {
            return Optional.of(files.lastModified(path).toString());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
