package io.sandlot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A guest language the sandbox can run. */
public enum Language {
    /** ECMAScript, run by GraalJS. */
    JS("js", "js", Set.of("javascript"), "the ECMAScript built-ins, display(value, mimeType?), chart(vegaLiteSpec), "
            + "require() of the bundled arquero, simple-statistics and d3-dsv, of node's fs (the session's files), "
            + "buffer (also the global Buffer), path, util, assert, crypto, events, timers, timers/promises and os "
            + "(the sandbox's machine, not the host's), also by import as ES modules, and of the session's own .js, "
            + ".mjs and .json files by path; console, timers and process (with its events) as node's; no other "
            + "Node.js modules, no packages can be installed", ".js", ".mjs"),
    /** Python 3, run by GraalPy, with its standard library (no packages) and Sandlot's guest functions. */
    PYTHON("python", "python", Set.of("py"), "the Python standard library, sql(query, params?), display(value, "
            + "mimeType?) and chart(vegaLiteSpec); no pandas, numpy or matplotlib, no packages can be installed",
            ".py"),
    /**
     * One read-only SQL query, run by DuckDB (not a GraalVM language) over the session's table files or the
     * execution's array inputs; its value is {@code {"columns", "rows", "rowCount", "truncated"}}.
     */
    SQL("sql", null, Set.of("duckdb"), "DuckDB's SQL dialect, one read-only query; tables are the session's .csv, "
            + ".tsv, .parquet, .json and .jsonl files and, for stateless executions, inputs that are arrays of "
            + "objects; no files, network or extensions", ".sql");

    private final String id;
    private final String graalId;
    private final Set<String> aliases;
    private final String libraries;
    private final String[] extensions;

    Language(String id, String graalId, Set<String> aliases, String libraries, String... extensions) {
        this.id = id;
        this.graalId = graalId;
        this.aliases = aliases;
        this.libraries = libraries;
        this.extensions = extensions;
    }

    /** What guest code can use beyond the language itself, for people and agents choosing a language. */
    public String libraries() {
        return libraries;
    }

    /** The name used in the CLI, JSON and HTTP API: {@code js}, {@code python} or {@code sql}. */
    public String id() {
        return id;
    }

    /** Other names {@link #of(String)} accepts, such as {@code javascript}. */
    public Set<String> aliases() {
        return aliases;
    }

    /** The file extensions of the language, such as {@code .py}, as {@link #fromFileName(String)} knows them. */
    public List<String> fileExtensions() {
        return List.of(extensions);
    }

    /** Whether a GraalVM language runs it (JS and Python); {@link #SQL} runs on DuckDB instead. */
    public boolean isPolyglot() {
        return graalId != null;
    }

    /**
     * The GraalVM language id.
     *
     * @throws IllegalStateException for a language that is not a GraalVM language ({@link #isPolyglot()} false)
     */
    public String graalId() {
        if (graalId == null) {
            throw new IllegalStateException(id + " is not a GraalVM language");
        }
        return graalId;
    }

    /** The languages GraalVM runs, in declaration order. */
    public static List<Language> polyglot() {
        return Arrays.stream(values()).filter(Language::isPolyglot).toList();
    }

    /**
     * Returns the language named {@code name} (case-insensitive; {@code javascript} and {@code py} are accepted
     * as aliases).
     *
     * @throws IllegalArgumentException naming the known languages if {@code name} is none of them
     */
    public static Language of(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.id.equals(wanted) || language.aliases.contains(wanted)) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("unknown language '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", ")));
    }

    /** The language a file name's extension implies, if any. */
    public static Optional<Language> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            for (String extension : language.extensions) {
                if (lower.endsWith(extension)) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
