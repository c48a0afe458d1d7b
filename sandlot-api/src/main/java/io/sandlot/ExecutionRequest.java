package io.sandlot;

import io.sandlot.wire.Identifiers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution to run: language, code, inputs and, optionally, limits that replace the policy's. Immutable.
 *
 * <p>Inputs are JSON-like Java values ({@code null}, {@link Boolean}, {@link Number}, {@link String},
 * {@link java.util.List}, {@link Map} with string keys), bound in the guest as global variables of the same name.
 * The guest receives native copies (a JS object, a Python dict), never live host objects.
 */
public final class ExecutionRequest {

    private final Language language;
    private final String code;
    private final Map<String, Object> inputs;
    private final Limits limits;
    private final Isolation isolation;

    private ExecutionRequest(Language language, String code, Map<String, Object> inputs, Limits limits,
            Isolation isolation) {
        this.language = language;
        this.code = code;
        this.inputs = inputs;
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
                    limits, isolation);
        }
    }
}
