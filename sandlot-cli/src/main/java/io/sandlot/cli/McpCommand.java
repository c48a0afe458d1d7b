package io.sandlot.cli;

import io.modelcontextprotocol.server.McpSyncServer;
import io.sandlot.mcp.SandlotMcp;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceObserver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox mcp}: an MCP server over stdio ({@link SandlotMcp#stdio}) for one client, as desktop assistants
 * and agent frameworks start it. Standard output carries only protocol frames: the command points
 * {@link System#out} at standard error before anything else runs, so a stray print cannot corrupt the stream.
 * It serves until standard input ends, SIGTERM or Ctrl-C; running executions then get
 * {@code --shutdown-timeout-seconds} to finish.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serves the sandbox as an MCP server over stdio (JSON-RPC on stdin/stdout, logs on stderr).",
            "Tools: execute_code, get_supported_languages, get_language_details, create_session, close_session, "
                    + "list_sessions, upload_file, download_file, list_files. The limit flags set the limits of "
                    + "executions; --max-limits caps the timeout a tool call may ask for."})
final class McpCommand implements Callable<Integer> {

    /** The one tenant of a stdio server: its client. */
    static final String TENANT = "local";

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "8",
            description = "Sessions open at once (default ${DEFAULT-VALUE}).")
    int maxSessions;

    @Mixin
    ServiceOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        // stdout is the protocol's: whatever else in this JVM prints goes to stderr
        PrintStream protocol = System.out;
        System.setOut(System.err);
        ServiceConfig config = options.config().maxSessions(maxSessions).sessionsPerTenant(maxSessions).build();
        SandboxService service = new SandboxService(config, ServiceObserver.NONE).start();
        Duration shutdownTimeout = options.shutdownTimeout();
        InputEnd input = new InputEnd(System.in);
        McpSyncServer server = SandlotMcp.stdio(service, TENANT, input, protocol);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                server.closeGracefully();
                service.close(shutdownTimeout);
            }
        };
        Thread hook = new Thread(stop, "sandlot-mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        var err = spec.commandLine().getErr();
        err.println("sandbox: MCP server on stdio; stops when stdin ends");
        err.flush();
        if (options.warmUp) {
            Thread.ofPlatform().daemon().name("sandlot-warm-up").start(() -> {
                try {
                    service.warmUp();
                } catch (RuntimeException e) {
                    System.err.println("sandbox: warm-up failed: " + e);
                }
            });
        }
        input.await();
        stop.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (and finds everything stopped)
        }
        return Main.OK;
    }

    /** Standard input that tells when it ended (end of stream or a read error), which ends the server. */
    static final class InputEnd extends FilterInputStream {
        private final CountDownLatch ended = new CountDownLatch(1);

        InputEnd(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return observe(() -> super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return observe(() -> super.read(buffer, offset, length));
        }

        @Override
        public void close() throws IOException {
            ended.countDown();
            super.close();
        }

        void await() throws InterruptedException {
            ended.await();
        }

        private int observe(Read read) throws IOException {
            try {
                int n = read.run();
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            } catch (IOException | RuntimeException e) {
                ended.countDown();
                throw e;
            }
        }

        @FunctionalInterface
        private interface Read {
            int run() throws IOException;
        }
    }
}
