package io.sandlot.cli;

import io.sandlot.server.SandboxServer;
import io.sandlot.server.ServerConfig;
import io.sandlot.service.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox serve}: the HTTP/JSON service ({@link SandboxServer}) until SIGTERM or Ctrl-C, which stop it
 * gracefully (running executions get {@code --shutdown-timeout-seconds} to finish, then are cancelled).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the sandbox over HTTP/JSON: stateless executions, sessions with files, metrics.",
            "Listens on loopback unless tokens are given. Without --token or --tokens-file, the environment "
                    + "variable " + ServeCommand.TOKENS_ENV + " gives the tokens (separated by spaces or commas), "
                    + "if set. The limit flags set the defaults of requests that bring no limits of their own; "
                    + "--max-limits caps what a request may ask for."})
final class ServeCommand implements Callable<Integer> {

    /** The environment variable with the tokens when no token option is given (containers, secrets as env). */
    static final String TOKENS_ENV = "SANDLOT_TOKENS";

    /**
     * Jetty's own messages below WARNING (versions, connectors started and stopped) stay out of the console unless a
     * logging configuration asks for them. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    static {
        if (System.getProperty("java.util.logging.config.file") == null) {
            JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

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

    @Option(names = "--tenant-concurrency", paramLabel = "N",
            description = "Executions at once for one tenant (default: max-concurrency - 1 with several tenants).")
    Integer tenantConcurrency;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "32",
            description = "Sessions the server holds (default ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--sessions-per-tenant", paramLabel = "N", defaultValue = "8",
            description = "Sessions one tenant may hold (default ${DEFAULT-VALUE}).")
    int sessionsPerTenant;

    @Option(names = "--max-body-mb", paramLabel = "N", defaultValue = "16",
            description = "Largest request body in MiB (default ${DEFAULT-VALUE}); beyond, 413.")
    long maxBodyMb;

    @Option(names = "--node-id", paramLabel = "NAME",
            description = "This replica's name: every session (and kernel) id starts with NAME. so that a load "
                    + "balancer can route it to its owner, and a request for another node's session, or one lost "
                    + "when this node restarted, is answered 410 session_lost (default: the host name up to its "
                    + "first dot; in Kubernetes the pod name). Letters, digits, '-' and '_'.")
    String nodeId;

    @Mixin
    ServiceOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig.Builder config = options.config().maxSessions(maxSessions).sessionsPerTenant(sessionsPerTenant);
        String node = nodeId != null ? nodeId : HostName.shortName();
        try {
            config.nodeId(node);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (nodeId != null ? "--node-id: "
                    : "the host name '" + node + "' cannot be the node id, give one with --node-id: ")
                    + e.getMessage());
        }
        if (tenantConcurrency != null) {
            config.tenantConcurrency(tenantConcurrency);
        }
        List<String> tokenList = new ArrayList<>();
        if (tokens != null) {
            tokenList.addAll(tokens.file != null ? SandboxServer.readTokensFile(tokens.file) : tokens.tokens);
        } else {
            tokenList.addAll(tokensFromEnv(System.getenv(TOKENS_ENV)));
        }
        SandboxServer server = SandboxServer.create(config.build(), new ServerConfig(host, port, tokenList,
                maxBodyMb << 20, options.shutdownTimeout(), options.warmUp, anonymous));
        var err = spec.commandLine().getErr();
        err.println("sandbox: starting the engines ...");
        err.flush();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("sandbox: stopping (running executions get " + options.shutdownTimeoutSeconds
                    + " s) ...");
            server.close();
            System.err.println("sandbox: stopped");
        }, "sandlot-shutdown"));
        err.println("sandbox: node " + node + " (session ids start with " + node + ".)");
        err.println("sandbox: listening on " + server.uri() + " ("
                + (server.requiresTokens() ? tokenList.size() + " token(s)" + (anonymous ? " and anonymous" : "")
                        : "no tokens, loopback only")
                + "); stop with Ctrl-C or SIGTERM");
        err.flush();
        server.awaitTermination();
        return Main.OK;
    }

    /** The tokens in the value of {@link #TOKENS_ENV}, separated by whitespace or commas; none if unset or blank. */
    static List<String> tokensFromEnv(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String token : value.strip().split("[\\s,]+")) {
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }
}
