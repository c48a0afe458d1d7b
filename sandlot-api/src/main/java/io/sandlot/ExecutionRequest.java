package io.sandlot;

import io.sandlot.wire.Identifiers;
import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution to run: language, code, inputs, the script's command-line arguments, files for its working
 * directory and, optionally, limits that replace the policy's. Immutable.
 *
 * <p>Inputs are JSON-like Java values ({@code null}, {@link Boolean}, {@link Number}, {@link String},
 * {@link java.util.List}, {@link Map} with string keys), bound in the guest as global variables of the same name.
 * The guest receives native copies (a JS object, a Python dict), never live host objects.
 */
public final class ExecutionRequest {

    private final Language language;
    private final String code;
    private final Map<String, Object> inputs;
    private final List<String> arguments;
    private final Map<String, byte[]> files;
    private final Limits limits;
    private final Isolation isolation;

    private ExecutionRequest(Language language, String code, Map<String, Object> inputs, List<String> arguments,
            Map<String, byte[]> files, Limits limits, Isolation isolation) {
        this.language = language;
        this.code = code;
        this.inputs = inputs;
        this.arguments = arguments;
        this.files = files;
        this.limits = limits;
        this.isolation = isolation;
    }

    /**
     * A request without inputs.
     *
     * @throws IllegalArgumentException if the code is empty
     */
    public static ExecutionRequest of(Language language, String code) {
        return newBuilder(language, code).build();
    }

    /** A builder for a request running {@code code} in {@code language}. */
    public static Builder newBuilder(Language language, String code) {
        return new Builder(language, code);
    }

    /** The guest language. */
    public Language language() {
        return language;
    }

    /** The source code. */
    public String code() {
        return code;
    }

    /** Inputs by variable name, in insertion order. */
    public Map<String, Object> inputs() {
        return inputs;
    }

    /**
     * The script's command-line arguments, as {@code python3 script.py a b} and {@code node script.js a b} take
     * them: Python's {@code sys.argv[1:]}, JavaScript's {@code process.argv.slice(2)}. Empty by default.
     */
    public List<String> arguments() {
        return arguments;
    }

    /**
     * Files the execution finds in its working directory {@code /work} when it starts, by path relative to it (such
     * as {@code data/sales.csv}), in insertion order: what a session's uploads are to a session, for one stateless
     * execution. They need a policy with a {@link Policy.Builder#virtualFileSystem writable file system}, whose quota
     * they count against; they are gone when the execution ends, and the ones it changes under {@code out/} come
     * back as artifacts. Language {@code sql} reads them as tables. The arrays are the request's own: callers must
     * not change them.
     */
    public Map<String, byte[]> files() {
        return files;
    }

    /** Limits replacing the policy's for this execution, if given. */
    public Optional<Limits> limits() {
        return Optional.ofNullable(limits);
    }

    /** Isolation replacing the policy's for this execution, if given. */
    public Optional<Isolation> isolation() {
        return Optional.ofNullable(isolation);
    }

    /** Builds an {@link ExecutionRequest}. */
    public static final class Builder {
        private final Language language;
        private final String code;
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private Limits limits;
        private Isolation isolation;

        private Builder(Language language, String code) {
            this.language = Objects.requireNonNull(language, "language");
            this.code = Objects.requireNonNull(code, "code");
        }

        /**
         * Binds {@code value} as the guest variable {@code name}.
         *
         * @throws IllegalArgumentException if {@code name} is not an identifier
         */
        public Builder input(String name, Object value) {
            inputs.put(Identifiers.require("input name", name), value);
            return this;
        }

        /** Binds every entry of {@code inputs}; see {@link #input(String, Object)}. */
        public Builder inputs(Map<String, ?> inputs) {
            inputs.forEach(this::input);
            return this;
        }

        /**
         * Adds {@code arguments} to the script's command-line arguments ({@link ExecutionRequest#arguments()}).
         *
         * @throws IllegalArgumentException if one contains a NUL character, which no command line can hold
         */
        public Builder arguments(List<String> arguments) {
            for (String argument : arguments) {
                if (Objects.requireNonNull(argument, "argument").indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("argument " + (this.arguments.size() + 1)
                            + " contains a NUL character");
                }
                this.arguments.add(argument);
            }
            return this;
        }

        /**
         * Puts a copy of {@code content} at {@code path} in the working directory when the execution starts
         * ({@link ExecutionRequest#files()}); a second file at the same path replaces the first.
         *
         * @param path relative to {@code /work} (a leading {@code /work/} is accepted), folders separated by
         *     {@code /}, such as {@code data/sales.csv}
         * @throws IllegalArgumentException if the path is empty, absolute elsewhere, holds an empty, {@code .} or
         *     {@code ..} name or a NUL character, or names {@code /work} itself
         */
        public Builder file(String path, byte[] content) {
            Objects.requireNonNull(content, "content");
            files.put(filePath(path), content.clone());
            return this;
        }

        /** The canonical form of a request file's path: relative to {@code /work}, checked as {@link #file} says. */
        private static String filePath(String path) {
            Objects.requireNonNull(path, "path");
            String relative = path.startsWith("/work/") ? path.substring("/work/".length()) : path;
            if (relative.isEmpty() || relative.startsWith("/")) {
                throw new IllegalArgumentException("a file's path must be relative to /work, such as data/sales.csv: '"
                        + path + "'");
            }
            if (relative.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a file's path contains a NUL character: '"
                        + path.replace('\0', '?') + "'");
            }
            for (String name : relative.split("/", -1)) {
                if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                    throw new IllegalArgumentException("a file's path must name a file under /work, without empty, "
                            + "'.' or '..' parts: '" + path + "'");
                }
            }
            return relative;
        }

        /** Replaces the policy's limits for this execution. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Replaces the policy's isolation for this execution. */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /**
         * Returns the immutable request.
         *
         * @throws IllegalArgumentException if the code is empty or blank
         */
        public ExecutionRequest build() {
            if (code.isBlank()) {
                throw new IllegalArgumentException("code is empty");
            }
            return new ExecutionRequest(language, code, Collections.unmodifiableMap(new LinkedHashMap<>(inputs)),
                    List.copyOf(arguments), Collections.unmodifiableMap(new LinkedHashMap<>(files)), limits, isolation);
        }
    }
}
