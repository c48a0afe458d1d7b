package io.sandlot.cli;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.service.ServiceConfig;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the service core that {@code serve} and {@code mcp} share: limits and their maximums, admission,
 * session lifetimes and files, context pools, warm-up and shutdown. Each command adds its own (the transport, how
 * many sessions).
 */
final class ServiceOptions {

    @Option(names = "--max-limits", paramLabel = "SPEC",
            description = "The most a request may ask for, in the limits' string form; 0 = no maximum "
                    + "(default " + "timeoutMs=60000,cpuTimeMs=0,maxStatements=0,maxMemoryMb=1024,"
                    + "maxOutputBytes=16777216,maxOutputs=1000,maxArtifactBytes=67108864,maxCodeBytes=1048576,"
                    + "maxInputBytes=8388608,maxResultRows=0).")
    String maxLimits;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Executions at once, all tenants (default: twice the processors).")
    Integer maxConcurrency;

    @Option(names = "--queue-size", paramLabel = "N", defaultValue = "64",
            description = "Requests that may wait for a slot (default ${DEFAULT-VALUE}); beyond, refused "
                    + "(HTTP 429/503, an MCP tool error).")
    int queueSize;

    @Option(names = "--queue-timeout-ms", paramLabel = "N", defaultValue = "30000",
            description = "Longest wait for a slot before a refusal (default ${DEFAULT-VALUE}).")
    long queueTimeoutMs;

    @Option(names = "--session-ttl-seconds", paramLabel = "N", defaultValue = "600",
            description = "Idle time after which a session is closed (default ${DEFAULT-VALUE}).")
    long sessionTtlSeconds;

    @Option(names = "--max-session-ttl-seconds", paramLabel = "N", defaultValue = "3600",
            description = "Longest idle TTL a session may ask for (default ${DEFAULT-VALUE}).")
    long maxSessionTtlSeconds;

    @Option(names = "--session-files-mb", paramLabel = "N", defaultValue = "16",
            description = "MiB of files per session (default ${DEFAULT-VALUE}).")
    long sessionFilesMb;

    @Option(names = "--shutdown-timeout-seconds", paramLabel = "N", defaultValue = "10",
            description = "On stop (SIGTERM, Ctrl-C; for mcp also the end of stdin), how long running executions "
                    + "may finish before they are cancelled (default ${DEFAULT-VALUE}).")
    long shutdownTimeoutSeconds;

    @Option(names = "--pool-js", paramLabel = "N", defaultValue = "0",
            description = "Pre-warmed JavaScript contexts kept ready for stateless executions (default ${DEFAULT-VALUE}).")
    int poolJs;

    @Option(names = "--pool-python", paramLabel = "N", defaultValue = "2",
            description = "Pre-warmed Python contexts, common modules imported, kept ready for stateless executions "
                    + "(default ${DEFAULT-VALUE}).")
    int poolPython;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start both languages at once, so the first requests are not slow (default on).")
    boolean warmUp;

    @Mixin
    LimitOptions limits;

    /**
     * The service configuration these options give; the command adds its own settings before {@code build()}.
     *
     * @throws IllegalArgumentException naming a bad limit or setting
     */
    ServiceConfig.Builder config() {
        ServiceConfig.Builder config = ServiceConfig.newBuilder()
                .defaultLimits(limits.limits())
                .queueSize(queueSize).queueTimeout(Duration.ofMillis(queueTimeoutMs))
                .sessionTtl(Duration.ofSeconds(sessionTtlSeconds))
                .maxSessionTtl(Duration.ofSeconds(maxSessionTtlSeconds))
                .sessionFileQuotaBytes(sessionFilesMb << 20)
                .contextPool(Language.JS, poolJs).contextPool(Language.PYTHON, poolPython);
        if (maxLimits != null) {
            config.maxLimits(maxLimits(maxLimits));
        }
        if (maxConcurrency != null) {
            config.maxConcurrency(maxConcurrency);
        }
        return config;
    }

    Duration shutdownTimeout() {
        return Duration.ofSeconds(shutdownTimeoutSeconds);
    }

    /** The string form of the limits, on top of {@link ServiceConfig#DEFAULT_MAX_LIMITS} rather than the defaults. */
    static Limits maxLimits(String spec) {
        return Limits.parse(spec, ServiceConfig.DEFAULT_MAX_LIMITS);
    }
}
