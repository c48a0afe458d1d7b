package io.sandlot;

import io.sandlot.wire.Identifiers;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a guest may touch, and its default limits. Immutable; built with {@link #newBuilder()}.
 *
 * <p>{@link #DEFAULT} denies everything: host classes and class lookup, host objects, polyglot (cross-language)
 * access, the real file system (the guest sees an empty, read-only in-memory tree), processes, threads, native
 * access, environment variables, sockets and standard input. Guest stdout and stderr are captured into the
 * result, never written to the host's. Opt-ins are explicit: {@link Builder#exposeFunction host functions} that
 * exchange JSON-like copies, and a writable {@link Builder#virtualFileSystem virtual file system}.
 *
 * <p>What this does not protect against: the guest runs in the host JVM, so a bug in GraalVM's isolation is a
 * bug in this sandbox; guest threads that cannot be stopped are abandoned, not killed (see the README); and
 * the CPU time a guest burns before a limit fires is the host's.
 */
public final class Policy {

    /**
     * Every language (JS, Python and SQL, so guests also get {@code sql()}), {@link Limits#DEFAULT}, no host
     * functions, a read-only empty file system.
     */
    public static final Policy DEFAULT = newBuilder().build();

    private final Set<Language> languages;
    private final Limits limits;
    private final Map<String, HostFunction> hostFunctions;
    private final long fileSystemQuotaBytes;
    private final Isolation isolation;

    private Policy(Builder builder) {
        this.languages = Collections.unmodifiableSet(EnumSet.copyOf(builder.languages));
        this.limits = builder.limits;
        this.hostFunctions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.hostFunctions));
        this.fileSystemQuotaBytes = builder.fileSystemQuotaBytes;
        this.isolation = builder.isolation;
    }

    /** The languages guests may use. */
    public Set<Language> languages() {
        return languages;
    }

    /** The limits applied to executions that do not bring their own. */
    public Limits limits() {
        return limits;
    }

    /** Host functions exposed to guests, by global name. */
    public Map<String, HostFunction> hostFunctions() {
        return hostFunctions;
    }

    /** Bytes a guest may write to its private in-memory file system; 0 means the tree is read-only. */
    public long fileSystemQuotaBytes() {
        return fileSystemQuotaBytes;
    }

    /** Where executions run unless a request says otherwise; {@link Isolation#IN_PROCESS} by default. */
    public Isolation isolation() {
        return isolation;
    }

    /** A builder starting from {@link #DEFAULT}'s settings. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder starting from {@code prototype}'s settings. */
    public static Builder newBuilder(Policy prototype) {
        Builder builder = new Builder();
        builder.languages = EnumSet.copyOf(prototype.languages);
        builder.limits = prototype.limits;
        builder.hostFunctions.putAll(prototype.hostFunctions);
        builder.fileSystemQuotaBytes = prototype.fileSystemQuotaBytes;
        builder.isolation = prototype.isolation;
        return builder;
    }

    @Override
    public String toString() {
        return "Policy{languages=" + languages + ", limits=" + limits + ", hostFunctions=" + hostFunctions.keySet()
                + ", fileSystemQuotaBytes=" + fileSystemQuotaBytes + ", isolation=" + isolation + "}";
    }

    /** Builds a {@link Policy}. */
    public static final class Builder {
        private EnumSet<Language> languages = EnumSet.allOf(Language.class);
        private Limits limits = Limits.DEFAULT;
        private final Map<String, HostFunction> hostFunctions = new LinkedHashMap<>();
        private long fileSystemQuotaBytes;
        private Isolation isolation = Isolation.IN_PROCESS;

        private Builder() {
        }

        /**
         * Restricts guests to these languages (at least one). Leaving out {@link Language#SQL} also takes the
         * {@code sql()} function away from JS and Python guests.
         */
        public Builder languages(Language... languages) {
            if (languages.length == 0) {
                throw new IllegalArgumentException("languages must name at least one language");
            }
            this.languages = EnumSet.of(languages[0], languages);
            return this;
        }

        /** Sets the default limits. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Exposes {@code function} to guests as the global {@code name}. Arguments and the return value are
         * copied as JSON-like values; see {@link HostFunction}.
         *
         * @throws IllegalArgumentException if {@code name} is not an identifier or is already taken
         */
        public Builder exposeFunction(String name, HostFunction function) {
            Objects.requireNonNull(function, "function");
            Identifiers.require("host function name", name);
            if (hostFunctions.putIfAbsent(name, function) != null) {
                throw new IllegalArgumentException("host function '" + name + "' is already exposed");
            }
            return this;
        }

        /**
         * Gives each guest a private, writable in-memory file system of at most {@code quotaBytes} bytes, as its
         * working directory {@code /work}. Nothing is ever read from or written to the host's file system.
         * {@code 0} (the default) keeps the tree empty and read-only.
         */
        public Builder virtualFileSystem(long quotaBytes) {
            if (quotaBytes < 0) {
                throw new IllegalArgumentException(
                        "fileSystemQuotaBytes must be >= 0 (0 makes the tree read-only), was " + quotaBytes);
            }
            this.fileSystemQuotaBytes = quotaBytes;
            return this;
        }

        /**
         * Where executions run unless a request says otherwise. {@link Isolation#WORKER} cannot be combined with
         * host functions (they live in this JVM).
         */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /**
         * Returns the immutable policy.
         *
         * @throws IllegalArgumentException if worker isolation is combined with host functions
         */
        public Policy build() {
            if (isolation == Isolation.WORKER && !hostFunctions.isEmpty()) {
                throw new IllegalArgumentException("host functions cannot be exposed with worker isolation: "
                        + hostFunctions.keySet());
            }
            return new Policy(this);
        }
    }
}
