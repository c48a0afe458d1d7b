package io.sandlot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sandbox} command line: {@code run}, {@code batch} and {@code info}. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs untrusted JavaScript and Python inside the JVM, isolated by GraalVM contexts.",
        subcommands = {RunCommand.class, BatchCommand.class, InfoCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the guest ran to completion",
            "1:the guest raised an error or was denied something",
            "2:usage error (bad flags, unreadable or invalid file, bad request)",
            "3:a limit stopped the guest (timeout, cpu_limit, memory_limit, statement_limit, output_limit)",
            "70:internal error, cancellation, or a crashed worker process"})
public final class Main {

    /** Exit code: the guest ran to completion. */
    static final int OK = 0;
    /** Exit code: the guest failed. */
    static final int GUEST_ERROR = 1;
    /** Exit code: bad usage or input. */
    static final int USAGE = 2;
    /** Exit code: a limit stopped the guest. */
    static final int LIMIT = 3;
    /** Exit code: the sandbox failed (EX_SOFTWARE). */
    static final int INTERNAL = 70;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
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
