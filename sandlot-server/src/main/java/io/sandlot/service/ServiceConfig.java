package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.local.SandboxFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable configuration of a {@link SandboxService}: execution slots and queue, limit defaults and maximums,
 * session caps, TTLs and file quota, and the heap guard. Built with {@link #newBuilder()}; every setter fails fast
 * with a message naming the setting, and {@link Builder#build()} checks the settings against each other.
 */
public final class ServiceConfig {

    /**
     * The default maximum limits a request may ask for; {@code 0} here means "no maximum". Each is its
     * {@link Limit}'s {@link Limit#serverMaximum()}.
     */
    public static final Limits DEFAULT_MAX_LIMITS = Limits.defaultServerMaximums();

    /** The configuration with every default. */
    public static final ServiceConfig DEFAULT = newBuilder().build();

    private final SandboxFactory factory;
    private final int maxConcurrency;
    private final int tenants;
    private final int tenantConcurrency;
    private final int queueSize;
    private final int tenantQueueSize;
    private final Duration queueTimeout;
    private final Limits defaultLimits;
    private final Limits maxLimits;
    private final int maxSessions;
    private final int sessionsPerTenant;
    private final Duration sessionTtl;
    private final Duration maxSessionTtl;
    private final long sessionFileQuotaBytes;
    private final Duration sessionSweepInterval;
    private final double maxHeapUsage;
    private final Map<Language, Integer> contextPools;
    private final int warmUpRounds;
    private final Optional<String> nodeId;

    private ServiceConfig(Builder builder) {
        this.factory = builder.factory;
        this.maxConcurrency = builder.maxConcurrency;
        this.tenants = builder.tenants;
        this.tenantConcurrency = builder.tenantConcurrency;
        this.queueSize = builder.queueSize;
        this.tenantQueueSize = builder.tenantQueueSize;
        this.queueTimeout = builder.queueTimeout;
        this.defaultLimits = builder.defaultLimits;
        this.maxLimits = builder.maxLimits;
        this.maxSessions = builder.maxSessions;
        this.sessionsPerTenant = builder.sessionsPerTenant;
        this.sessionTtl = builder.sessionTtl;
        this.maxSessionTtl = builder.maxSessionTtl;
        this.sessionFileQuotaBytes = builder.sessionFileQuotaBytes;
        this.sessionSweepInterval = builder.sessionSweepInterval;
        this.maxHeapUsage = builder.maxHeapUsage;
        this.contextPools = Collections.unmodifiableMap(new EnumMap<>(builder.contextPools));
        this.warmUpRounds = builder.warmUpRounds;
        this.nodeId = builder.nodeId;
    }

    /** A builder with every default. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder starting from {@code prototype}'s settings. */
    public static Builder newBuilder(ServiceConfig prototype) {
        return new Builder(prototype);
    }

    /** The factory executions run on, if one was given; otherwise the service makes (and closes) its own. */
    public Optional<SandboxFactory> factory() {
        return Optional.ofNullable(factory);
    }

    /** Executions that run at once, all tenants together. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** The number of tenants that share the service; sizes each tenant's default share. */
    public int tenants() {
        return tenants;
    }

    /** Executions one tenant may run at once; {@code 0} means the default share. */
    public int tenantConcurrency() {
        return tenantConcurrency;
    }

    /** Requests that may wait for a slot, all tenants together. */
    public int queueSize() {
        return queueSize;
    }

    /** Requests one tenant may have waiting; {@code 0} means its equal share of the queue. */
    public int tenantQueueSize() {
        return tenantQueueSize;
    }

    /** How long a request may wait for a slot. */
    public Duration queueTimeout() {
        return queueTimeout;
    }

    /** The limits of requests that bring none. */
    public Limits defaultLimits() {
        return defaultLimits;
    }

    /** The most a request or session may ask for, per limit; {@code 0} means no maximum. */
    public Limits maxLimits() {
        return maxLimits;
    }

    /** Sessions the service holds, all tenants together. */
    public int maxSessions() {
        return maxSessions;
    }

    /** Sessions one tenant may hold. */
    public int sessionsPerTenant() {
        return sessionsPerTenant;
    }

    /** Idle time after which a session is closed, unless it asks for another. */
    public Duration sessionTtl() {
        return sessionTtl;
    }

    /** The longest idle TTL a session may ask for. */
    public Duration maxSessionTtl() {
        return maxSessionTtl;
    }

    /** Bytes of files each session (and each stateless execution's scratch tree) may hold. */
    public long sessionFileQuotaBytes() {
        return sessionFileQuotaBytes;
    }

    /** How often idle sessions are looked for. */
    public Duration sessionSweepInterval() {
        return sessionSweepInterval;
    }

    /** The fraction of the maximum heap that may be in use after a collection before new work is refused. */
    public double maxHeapUsage() {
        return maxHeapUsage;
    }

    /** Pre-warmed contexts per language for a factory the service makes itself. */
    public Map<Language, Integer> contextPools() {
        return contextPools;
    }

    /** Throwaway warm-up contexts per pooled language for a factory the service makes itself. */
    public int warmUpRounds() {
        return warmUpRounds;
    }

    /**
     * The name of this node among the replicas behind one load balancer, if it has one: session ids then start with
     * it (see {@link NodeIdentity}). Default none: ids name no owner.
     */
    public Optional<String> nodeId() {
        return nodeId;
    }

    /**
     * The first limit of {@code limits} above its maximum in {@code maximums}, as {@code name=value} (with
     * {@code  (off)} for 0) and the maximum, or empty if none is: the one place limit maximums are checked. A
     * limit turned off ({@code 0}) exceeds any maximum; a maximum of {@code 0} allows anything.
     */
    static Optional<String> aboveMaximum(Limits limits, Limits maximums) {
        for (Limit limit : Limit.values()) {
            long value = limits.get(limit);
            long max = maximums.get(limit);
            if (max > 0 && (value == 0 || value > max)) {
                return Optional.of(limit.key() + "=" + value + (value == 0 ? " (off)" : "")
                        + " is above the server's maximum of " + max);
            }
        }
        return Optional.empty();
    }

    /** Builds a {@link ServiceConfig}; every setter fails fast with a message naming the setting. */
    public static final class Builder {
        private SandboxFactory factory;
        private int maxConcurrency = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        private int tenants = 1;
        private int tenantConcurrency;
        private int queueSize = 64;
        private int tenantQueueSize;
        private Duration queueTimeout = Duration.ofSeconds(30);
        private Limits defaultLimits = Limits.DEFAULT;
        private Limits maxLimits = DEFAULT_MAX_LIMITS;
        private int maxSessions = 32;
        private int sessionsPerTenant = 8;
        private Duration sessionTtl = Duration.ofMinutes(10);
        private Duration maxSessionTtl = Duration.ofHours(1);
        private long sessionFileQuotaBytes = 16L << 20;
        private Duration sessionSweepInterval = Duration.ofSeconds(1);
        private double maxHeapUsage = 0.9;
        private final Map<Language, Integer> contextPools = new EnumMap<>(Language.class);
        private int warmUpRounds;
        private Optional<String> nodeId = Optional.empty();

        private Builder() {
        }

        private Builder(ServiceConfig prototype) {
            this.factory = prototype.factory;
            this.maxConcurrency = prototype.maxConcurrency;
            this.tenants = prototype.tenants;
            this.tenantConcurrency = prototype.tenantConcurrency;
            this.queueSize = prototype.queueSize;
            this.tenantQueueSize = prototype.tenantQueueSize;
            this.queueTimeout = prototype.queueTimeout;
            this.defaultLimits = prototype.defaultLimits;
            this.maxLimits = prototype.maxLimits;
            this.maxSessions = prototype.maxSessions;
            this.sessionsPerTenant = prototype.sessionsPerTenant;
            this.sessionTtl = prototype.sessionTtl;
            this.maxSessionTtl = prototype.maxSessionTtl;
            this.sessionFileQuotaBytes = prototype.sessionFileQuotaBytes;
            this.sessionSweepInterval = prototype.sessionSweepInterval;
            this.maxHeapUsage = prototype.maxHeapUsage;
            this.contextPools.putAll(prototype.contextPools);
            this.warmUpRounds = prototype.warmUpRounds;
            this.nodeId = prototype.nodeId;
        }

        /**
         * Runs executions on {@code factory} rather than on a factory of the service's own; the service then does
         * not close it. The service admits at most the factory's {@link SandboxFactory#maxConcurrency()} at once.
         */
        public Builder factory(SandboxFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Executions that run at once, all tenants together (default: twice the processors, at least 2). */
        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = atLeast("maxConcurrency", maxConcurrency, 1);
            return this;
        }

        /**
         * The number of tenants that share the service (default 1): with several, each gets by default at most
         * {@code maxConcurrency - 1} slots and an equal share of the queue.
         */
        public Builder tenants(int tenants) {
            this.tenants = atLeast("tenants", tenants, 1);
            return this;
        }

        /**
         * Executions one tenant may run at once (default: {@code maxConcurrency - 1} with several tenants, so
         * that a tenant whose guests spin can never take every slot; all of them with one tenant).
         */
        public Builder tenantConcurrency(int tenantConcurrency) {
            this.tenantConcurrency = atLeast("tenantConcurrency", tenantConcurrency, 1);
            return this;
        }

        /** Requests that may wait for a slot, all tenants together (default 64); beyond, {@code OVERLOADED}. */
        public Builder queueSize(int queueSize) {
            this.queueSize = atLeast("queueSize", queueSize, 0);
            return this;
        }

        /** Requests one tenant may have waiting (default: its equal share of the queue); beyond, {@code TOO_MANY}. */
        public Builder tenantQueueSize(int tenantQueueSize) {
            this.tenantQueueSize = atLeast("tenantQueueSize", tenantQueueSize, 1);
            return this;
        }

        /** How long a request may wait for a slot before it is refused as {@code OVERLOADED} (default 30 s). */
        public Builder queueTimeout(Duration queueTimeout) {
            this.queueTimeout = positive("queueTimeout", queueTimeout);
            return this;
        }

        /** The limits of requests that bring none (default {@link Limits#DEFAULT}). */
        public Builder defaultLimits(Limits defaultLimits) {
            this.defaultLimits = Objects.requireNonNull(defaultLimits, "defaultLimits");
            return this;
        }

        /**
         * The most a request or session may ask for, per limit; {@code 0} means no maximum. A request that turns a
         * limit off ({@code 0}) exceeds any maximum. Default {@link #DEFAULT_MAX_LIMITS}.
         */
        public Builder maxLimits(Limits maxLimits) {
            this.maxLimits = Objects.requireNonNull(maxLimits, "maxLimits");
            return this;
        }

        /** Sessions the service holds, all tenants together (default 32); beyond, {@code OVERLOADED}. */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = atLeast("maxSessions", maxSessions, 0);
            return this;
        }

        /** Sessions one tenant may hold (default 8); beyond, {@code TOO_MANY}. */
        public Builder sessionsPerTenant(int sessionsPerTenant) {
            this.sessionsPerTenant = atLeast("sessionsPerTenant", sessionsPerTenant, 0);
            return this;
        }

        /** Idle time after which a session is closed, unless it asks for another (default 10 min). */
        public Builder sessionTtl(Duration sessionTtl) {
            this.sessionTtl = positive("sessionTtl", sessionTtl);
            return this;
        }

        /** The longest idle TTL a session may ask for (default 1 h). */
        public Builder maxSessionTtl(Duration maxSessionTtl) {
            this.maxSessionTtl = positive("maxSessionTtl", maxSessionTtl);
            return this;
        }

        /** Bytes of files each session may hold (default 16 MiB). */
        public Builder sessionFileQuotaBytes(long sessionFileQuotaBytes) {
            if (sessionFileQuotaBytes < 1) {
                throw new IllegalArgumentException("sessionFileQuotaBytes must be >= 1, was " + sessionFileQuotaBytes);
            }
            this.sessionFileQuotaBytes = sessionFileQuotaBytes;
            return this;
        }

        /** How often idle sessions are looked for (default 1 s); an expired session is also closed on access. */
        public Builder sessionSweepInterval(Duration sessionSweepInterval) {
            this.sessionSweepInterval = positive("sessionSweepInterval", sessionSweepInterval);
            return this;
        }

        /**
         * The fraction of the maximum heap that may be in use after a collection before new executions and sessions
         * are refused as {@code OVERLOADED} (default 0.9): the guard on total memory, since sessions keep what their
         * guests retain.
         */
        public Builder maxHeapUsage(double maxHeapUsage) {
            if (!(maxHeapUsage > 0 && maxHeapUsage <= 1)) {
                throw new IllegalArgumentException("maxHeapUsage must be in (0, 1], was " + maxHeapUsage);
            }
            this.maxHeapUsage = maxHeapUsage;
            return this;
        }

        /**
         * Keeps {@code size} pre-warmed contexts of {@code language} ready for stateless executions; see
         * {@link SandboxFactory.Builder#contextPool}. Default 0; ignored with {@link #factory(SandboxFactory)}.
         */
        public Builder contextPool(Language language, int size) {
            SandboxFactory.newBuilder().contextPool(language, size);
            contextPools.put(Objects.requireNonNull(language, "language"), size);
            return this;
        }

        /**
         * Throwaway warm-up contexts per pooled language; see {@link SandboxFactory.Builder#warmUpRounds}. Default 0;
         * ignored with {@link #factory(SandboxFactory)}.
         */
        public Builder warmUpRounds(int rounds) {
            this.warmUpRounds = atLeast("warmUpRounds", rounds, 0);
            return this;
        }

        /**
         * Names this node among its replicas; its session ids then start with {@code nodeId.}. Default none.
         *
         * @throws IllegalArgumentException if it is not 1 to 63 letters, digits, {@code -} or {@code _}, starting and
         *     ending with a letter or digit
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = Optional.of(NodeIdentity.forThisRun(nodeId).node());
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalArgumentException if default limits are above the maximums or the default session TTL is
         *     above the maximum
         */
        public ServiceConfig build() {
            aboveMaximum(defaultLimits, maxLimits).ifPresent(problem -> {
                throw new IllegalArgumentException("default limit " + problem);
            });
            if (sessionTtl.compareTo(maxSessionTtl) > 0) {
                throw new IllegalArgumentException("sessionTtl " + sessionTtl.toSeconds()
                        + " s is above maxSessionTtl " + maxSessionTtl.toSeconds() + " s");
            }
            return new ServiceConfig(this);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
