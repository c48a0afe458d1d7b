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
 * One execution to run: language, code, inputs, the script's command-line arguments and, optionally, limits that
 * replace the policy's. Immutable.
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
    private final Limits limits;
    private final Isolation isolation;

    private ExecutionRequest(Language language, String code, Map<String, Object> inputs, List<String> arguments,
            Limits limits, Isolation isolation) {
        this.language = language;
        this.code = code;
        this.inputs = inputs;
        this.arguments = arguments;
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
                    List.copyOf(arguments), limits, isolation);
        }
    }
}
