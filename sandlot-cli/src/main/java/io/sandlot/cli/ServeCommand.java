package io.sandlot.cli;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.server.SandboxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox serve}: the HTTP/JSON service ({@link SandboxServer}) until SIGTERM or Ctrl-C, which stop it
 * gracefully (running executions get {@code --shutdown-timeout-seconds} to finish, then are cancelled).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the sandbox over HTTP/JSON: stateless executions, sessions with files, metrics.",
            "Listens on loopback unless tokens are given. The limit flags set the defaults of requests that bring "
                    + "no limits of their own; --max-limits caps what a request may ask for."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}); anything but loopback needs tokens.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @ArgGroup(exclusive = true)
    TokenOptions tokens;

    @Option(names = "--anonymous",
            description = "Requests without credentials act as the tenant 'anonymous' (for clients that send none, "
                    + "such as pybox); loopback only, off by default.")
    boolean anonymous;

    static final class TokenOptions {
        @Option(names = "--token", paramLabel = "T", required = true,
                description = "A bearer token; repeat for several tenants.")
        List<String> tokens;

        @Option(names = "--tokens-file", paramLabel = "FILE", required = true,
                description = "A file with one token per line (each a tenant); blank lines and # comments ignored.")
        Path file;
    }

    @Option(names = "--max-limits", paramLabel = "SPEC",
            description = "The most a request may ask for, in the limits' string form; 0 = no maximum "
                    + "(default " + "timeoutMs=60000,cpuTimeMs=0,maxStatements=0,maxMemoryMb=1024,"
                    + "maxOutputBytes=16777216,maxCodeBytes=1048576,maxInputBytes=8388608).")
    String maxLimits;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Executions at once, all tenants (default: twice the processors).")
    Integer maxConcurrency;

    @Option(names = "--tenant-concurrency", paramLabel = "N",
            description = "Executions at once for one tenant (default: max-concurrency - 1 with several tenants).")
    Integer tenantConcurrency;

    @Option(names = "--queue-size", paramLabel = "N", defaultValue = "64",
            description = "Requests that may wait for a slot (default ${DEFAULT-VALUE}); beyond, 429/503.")
    int queueSize;

    @Option(names = "--queue-timeout-ms", paramLabel = "N", defaultValue = "30000",
            description = "Longest wait for a slot before 503 (default ${DEFAULT-VALUE}).")
    long queueTimeoutMs;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "32",
            description = "Sessions the server holds (default ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--sessions-per-tenant", paramLabel = "N", defaultValue = "8",
            description = "Sessions one tenant may hold (default ${DEFAULT-VALUE}).")
    int sessionsPerTenant;

    @Option(names = "--session-ttl-seconds", paramLabel = "N", defaultValue = "600",
            description = "Idle time after which a session is closed (default ${DEFAULT-VALUE}).")
    long sessionTtlSeconds;

    @Option(names = "--max-session-ttl-seconds", paramLabel = "N", defaultValue = "3600",
            description = "Longest idle TTL a session may ask for (default ${DEFAULT-VALUE}).")
    long maxSessionTtlSeconds;

    @Option(names = "--session-files-mb", paramLabel = "N", defaultValue = "16",
            description = "MiB of files per session (default ${DEFAULT-VALUE}).")
    long sessionFilesMb;

    @Option(names = "--max-body-mb", paramLabel = "N", defaultValue = "16",
            description = "Largest request body in MiB (default ${DEFAULT-VALUE}); beyond, 413.")
    long maxBodyMb;

    @Option(names = "--shutdown-timeout-seconds", paramLabel = "N", defaultValue = "10",
            description = "On SIGTERM/Ctrl-C, how long running executions may finish before they are cancelled "
                    + "(default ${DEFAULT-VALUE}).")
    long shutdownTimeoutSeconds;

    @Option(names = "--pool-js", paramLabel = "N", defaultValue = "0",
            description = "Pre-warmed JavaScript contexts kept ready for stateless executions (default ${DEFAULT-VALUE}).")
    int poolJs;

    @Option(names = "--pool-python", paramLabel = "N", defaultValue = "2",
            description = "Pre-warmed Python contexts, common modules imported, kept ready for stateless executions "
                    + "(default ${DEFAULT-VALUE}).")
    int poolPython;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start both languages before listening, so the first requests are not slow (default on).")
    boolean warmUp;

    @Mixin
    LimitOptions limits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SandboxServer.Builder builder = SandboxServer.newBuilder()
                .host(host).port(port)
                .defaultLimits(limits.limits())
                .queueSize(queueSize).queueTimeout(Duration.ofMillis(queueTimeoutMs))
                .maxSessions(maxSessions).sessionsPerTenant(sessionsPerTenant)
                .sessionTtl(Duration.ofSeconds(sessionTtlSeconds)).maxSessionTtl(Duration.ofSeconds(maxSessionTtlSeconds))
                .sessionFileQuotaBytes(sessionFilesMb << 20)
                .maxBodyBytes(maxBodyMb << 20)
                .shutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds))
                .contextPool(Language.JS, poolJs).contextPool(Language.PYTHON, poolPython)
                .warmUp(warmUp).anonymous(anonymous);
        if (maxLimits != null) {
            builder.maxLimits(maxLimits(maxLimits));
        }
        if (maxConcurrency != null) {
            builder.maxConcurrency(maxConcurrency);
        }
        if (tenantConcurrency != null) {
            builder.tenantConcurrency(tenantConcurrency);
        }
        List<String> tokenList = new ArrayList<>();
        if (tokens != null) {
            tokenList.addAll(tokens.file != null ? SandboxServer.readTokensFile(tokens.file) : tokens.tokens);
        }
        builder.tokens(tokenList);
        SandboxServer server = builder.build();
        var err = spec.commandLine().getErr();
        err.println("sandbox: starting the engines ...");
        err.flush();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("sandbox: stopping (running executions get " + shutdownTimeoutSeconds + " s) ...");
            server.close();
            System.err.println("sandbox: stopped");
        }, "sandlot-shutdown"));
        err.println("sandbox: listening on " + server.uri() + " ("
                + (server.requiresTokens() ? tokenList.size() + " token(s)" + (anonymous ? " and anonymous" : "")
                        : "no tokens, loopback only")
                + "); stop with Ctrl-C or SIGTERM");
        err.flush();
        server.awaitTermination();
        return Main.OK;
    }

    /** The string form of the limits, on top of {@link SandboxServer#DEFAULT_MAX_LIMITS} rather than the defaults. */
    static Limits maxLimits(String spec) {
        return Limits.parse(spec, SandboxServer.DEFAULT_MAX_LIMITS);
    }
}
