package io.sandlot.cli;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.local.SandboxFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code sandbox} command line: {@code run}, {@code batch}, {@code info}, {@code serve} and {@code mcp}. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs untrusted JavaScript and Python inside the JVM, isolated by GraalVM contexts.",
        subcommands = {RunCommand.class, BatchCommand.class, InfoCommand.class, ServeCommand.class, McpCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the guest ran to completion",
            "1:the guest raised an error or was denied something",
            "2:usage error (bad flags, unreadable or invalid file, bad request)",
            "3:a limit stopped the guest (timeout, cpu_limit, memory_limit, statement_limit, output_limit)",
            "70:internal error, cancellation, or a crashed worker process"})
public final class Main {

    /** Exit code: the guest ran to completion. A result's own code is {@link io.sandlot.Status#exitCode()}. */
    static final int OK = 0;
    /** Exit code: bad usage or input. */
    static final int USAGE = 2;
    /** Exit code: the sandbox failed (EX_SOFTWARE). */
    static final int INTERNAL = 70;

    /** The file-system quota of {@code run} and {@code batch} executions, the server's for a session's files. */
    static final long FILE_QUOTA_BYTES = 16L << 20;
    /**
     * The policy of {@code run} and of {@code batch} lines with the default limits: the default one plus a private,
     * writable working tree, fresh for each execution, as the server gives its executions (a script that writes
     * {@code out.csv} and reads it back behaves as under python3 or node). One instance, so that the background
     * process's pools of it serve every command.
     */
    static final Policy RUN_POLICY = policy(Policy.DEFAULT.limits());

    /** {@link #RUN_POLICY} with other limits. */
    static Policy policy(Limits limits) {
        return Policy.newBuilder().limits(limits).virtualFileSystem(FILE_QUOTA_BYTES).build();
    }

    /** What {@code run} reads for the file {@code -}. */
    final InputStream stdin;
    /** What {@code run} resolves a relative FILE against. */
    final Path workingDirectory;
    /** The factory {@code run} uses; null: a new one per command, closed afterwards. */
    final SandboxFactory sharedFactory;

    private Main(InputStream stdin, Path workingDirectory, SandboxFactory sharedFactory) {
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
        this.sharedFactory = sharedFactory;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    static CommandLine commandLine() {
        return commandLine(new Main(System.in, Path.of(""), null),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** The command line as the background process runs it for a client: its streams, directory and factory. */
    static CommandLine commandLine(InputStream stdin, Path workingDirectory, SandboxFactory factory, PrintWriter out,
            PrintWriter err) {
        return commandLine(new Main(stdin, workingDirectory, factory), out, err);
    }

    /** The factory {@code run} uses when it has no shared one: one execution, with a worker for worker isolation. */
    static SandboxFactory newRunFactory() {
        return SandboxFactory.newBuilder().maxConcurrency(1).workers(1).build();
    }

    /**
     * The shared factory of the background process: as {@link #newRunFactory()}, plus pooled contexts, as many per
     * language as keep runs back to back from waiting.
     */
    static SandboxFactory newSharedFactory() {
        return SandboxFactory.newBuilder().maxConcurrency(2).workers(1).backToBackPools().build();
    }

    private static CommandLine commandLine(Main main, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(main);
        // run's options come before FILE; what follows it is the script's, as python3 and node read their command
        // lines (`run report.py --top 5` gives the script --top and 5)
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                cl.getErr().println("sandbox: " + e.getMessage());
                return USAGE;
            }
            cl.getErr().println("sandbox: internal error: " + e);
            return INTERNAL;
        });
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sandlot " + (version == null ? "(development build)" : version)};
        }
    }
}
