package io.sandlot.cli;

import io.sandlot.Artifact;
import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.GuestError;
import io.sandlot.Isolation;
import io.sandlot.Language;
import io.sandlot.Output;
import io.sandlot.OutputListener;
import io.sandlot.Sandbox;
import io.sandlot.Status;
import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import io.sandlot.wire.Utf8;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sandbox run}: one execution of a file or of standard input. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs FILE (or standard input, '-') in the sandbox and prints its output, as python3 and node"
                + " do; a SQL query's value is its output.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The script to run, or '-' for standard input.")
    String file;

    /** Everything after FILE, options too, as python3 and node take a script's arguments (see {@link Main}). */
    @Parameters(index = "1..*", paramLabel = "ARG",
            description = "The script's arguments: Python's sys.argv[1:], JavaScript's process.argv.slice(2).")
    List<String> arguments = List.of();

    @Option(names = "--lang", paramLabel = "js|python|sql",
            description = "The language; by default taken from the file extension (.js, .mjs, .py, .sql).")
    String language;

    @Option(names = "--inputs", paramLabel = "JSON",
            description = "A JSON object whose entries are bound as guest variables.")
    String inputs;

    @Option(names = "--json", description = "Print exactly one JSON result object on stdout.")
    boolean json;

    @Option(names = {"-p", "--print-value"},
            description = "Also print the value of the last expression as JSON, after the output (as node -p does).")
    boolean printValue;

    @Option(names = "--isolation", paramLabel = "in_process|worker", defaultValue = "in_process",
            description = "Run in this JVM (default) or in a separate worker JVM with OS limits.")
    String isolation;

    @Option(names = "--file", paramLabel = "[NAME=]PATH",
            description = "Copies the host file PATH into the script's working directory /work, as NAME (a path "
                    + "relative to /work; by default PATH's own name); a folder is copied with the files in it. "
                    + "Repeatable. The script reads it as open('NAME'), fs.readFileSync('NAME'), or a SQL table.")
    List<String> files = List.of();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Saves into DIR (made if missing) the files the script wrote under /work/out/, at the same "
                    + "paths, and its display outputs and charts as output-N.svg, .png, .html, .json or .txt.")
    Path out;

    @Option(names = "--no-daemon",
            description = "Run in this process, not in the background process the launcher keeps (see README).")
    boolean noDaemon;

    @Mixin
    LimitOptions limits;

    /** How a guest's exit is reported (see {@code GuestErrors}). */
    private static final Pattern EXIT_STATUS = Pattern.compile("exit status (\\d{1,3})");
    /** A frame of a guest error's stack, such as {@code parse (main.py:3)}. */
    private static final Pattern FRAME = Pattern.compile("(.*) \\((.*):(\\d+)\\)");
    /** How many times python3 shows a frame repeated in a row before it counts the rest (traceback.py's cutoff). */
    private static final int RECURSIVE_CUTOFF = 3;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExecutionRequest request = request();
        OutDirectory saving = out == null ? null : OutDirectory.prepare(main.workingDirectory.resolve(out));
        try (SandboxFactory own = main.sharedFactory == null ? Main.newRunFactory() : null) {
            SandboxFactory factory = own != null ? own : main.sharedFactory;
            Sandbox sandbox = factory.newSandbox(Main.RUN_POLICY);
            ExecutionResult result = json ? sandbox.execute(request) : sandbox.execute(request, new Printer());
            List<String> saved = saving == null ? List.of() : saving.save(result);
            print(request, result, saved);
            Integer exitStatus = exitStatus(result);
            return exitStatus != null ? exitStatus : result.status().exitCode();
        }
    }

    private ExecutionRequest request() throws IOException {
        Language lang = language != null ? Language.of(language)
                : Language.fromFileName(file).orElseThrow(() -> new IllegalArgumentException(
                        "cannot tell the language of '" + file + "'; pass --lang js or --lang python"));
        if (lang == Language.SQL && !arguments.isEmpty()) {
            throw new IllegalArgumentException("a SQL query takes no arguments, and run's options go before FILE "
                    + "(what follows it is the script's, as for python3 and node): '" + file + "' was followed by '"
                    + arguments.get(0) + "'");
        }
        byte[] bytes;
        try {
            bytes = "-".equals(file) ? main.stdin.readAllBytes()
                    : Files.readAllBytes(main.workingDirectory.resolve(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        }
        String code = Utf8.decode(bytes, "-".equals(file) ? "standard input" : file);
        ExecutionRequest.Builder builder = ExecutionRequest.newBuilder(lang, code).limits(limits.limits())
                .isolation(Isolation.of(isolation)).arguments(arguments);
        for (String given : files) {
            addFiles(builder, given);
        }
        if (inputs != null) {
            if (!(Json.parse(inputs) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("--inputs must be a JSON object");
            }
            map.forEach((name, value) -> builder.input((String) name, value));
        }
        return builder.build();
    }

    /**
     * Adds the host file or folder {@code given} names ({@code PATH} or {@code NAME=PATH}; an existing PATH that
     * contains {@code =} is taken whole) to the request's files.
     */
    private void addFiles(ExecutionRequest.Builder builder, String given) throws IOException {
        int equals = given.indexOf('=');
        boolean named = equals > 0 && !Files.exists(main.workingDirectory.resolve(given));
        Path path = main.workingDirectory.resolve(named ? given.substring(equals + 1) : given).normalize();
        String name = named ? given.substring(0, equals) : String.valueOf(path.getFileName());
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--file " + given + ": no such file: " + path);
        }
        if (!Files.isDirectory(path)) {
            builder.file(name, Files.readAllBytes(path));
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = path.relativize(each).toString().replace(java.io.File.separatorChar, '/');
                builder.file(name + "/" + relative, Files.readAllBytes(each));
            }
        }
    }

    private void print(ExecutionRequest request, ExecutionResult result, List<String> saved) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            stdout.println(result.toJson());
            stdout.flush();
            return;
        }
        if (result.value() != null && (printValue || request.language() == Language.SQL)) {
            stdout.println(result.valueJson());
        }
        if (!saved.isEmpty()) {
            err.println("sandbox: saved " + saved.size() + (saved.size() == 1 ? " file" : " files") + " in "
                    + out + ": " + String.join(", ", saved));
        } else if (!result.outputs().isEmpty() || !result.artifacts().isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!result.outputs().isEmpty()) {
                parts.add(describe(result.outputs()));
            }
            if (!result.artifacts().isEmpty()) {
                parts.add(result.artifacts().size() + (result.artifacts().size() == 1 ? " file" : " files")
                        + " under /work/out/: " + result.artifacts().stream().map(Artifact::name)
                                .collect(Collectors.joining(", ")));
            }
            err.println("sandbox: " + String.join("; ", parts) + " (save them with --out DIR, see them with --json)");
        }
        GuestError error = result.error();
        if (error != null && exitStatus(result) == null) {
            if (request.language() == Language.PYTHON && result.status() == Status.ERROR && !error.stack().isEmpty()) {
                err.print(pythonTraceback(error, request.code(), file.equals("-") ? "<stdin>"
                        : main.workingDirectory.resolve(file).toAbsolutePath().normalize().toString()));
            } else {
                String type = error.type().equals(result.status().id()) ? "" : error.type() + ": ";
                err.println("sandbox: " + result.status().id() + ": " + type + error.message()
                        + (error.line() == null ? "" : " (line " + error.line() + ")"));
                for (GuestError.Cause cause = error.cause(); cause != null; cause = cause.error().cause()) {
                    GuestError by = cause.error();
                    err.println("sandbox:   [cause]: " + by.type() + ": " + by.message()
                            + (by.line() == null ? "" : " (line " + by.line() + ")"));
                }
            }
        }
        stdout.flush();
        err.flush();
    }

    /**
     * Prints the guest's stdout and stderr as it writes them, each piece flushed, so that a long script shows its
     * progress and the two streams interleave as the guest wrote them (through the background process too, whose
     * frames carry each flush). What the guest shows other than text is summed up once it is done.
     */
    private final class Printer implements OutputListener {
        @Override
        public void text(boolean stderr, String text) {
            PrintWriter stream = stderr ? spec.commandLine().getErr() : spec.commandLine().getOut();
            stream.print(text);
            stream.flush();
        }
    }

    /**
     * The status a guest exited with ({@code sys.exit(3)} in Python, {@code process.exit(3)} in JavaScript), which
     * becomes the command's exit code as it would be python3's or node's; null if the guest did not exit so.
     */
    static Integer exitStatus(ExecutionResult result) {
        GuestError error = result.error();
        if (result.status() != Status.ERROR || error == null
                || !(error.type().equals("SystemExit") || error.type().equals("ProcessExit"))) {
            return null;
        }
        Matcher status = EXIT_STATUS.matcher(error.message());
        return status.matches() ? Integer.valueOf(status.group(1)) : null;
    }

    /**
     * A Python error as {@code python3} prints an uncaught one: the exceptions it was raised from or while handling
     * first, each followed by the sentence that links it to the next; for each, the frames, outermost first, each
     * with its line of {@code code} where it is the script's ({@code main.py}, shown as {@code fileName}: the
     * script's absolute path, as Python 3.9 and later show it), then the type and message, then the notes added to
     * it.
     */
    static String pythonTraceback(GuestError error, String code, String fileName) {
        List<String> lines = code.lines().toList();
        StringBuilder traceback = new StringBuilder();
        List<GuestError> chain = error.chain();
        for (int i = 0; i < chain.size(); i++) {
            GuestError each = chain.get(i);
            if (i > 0) {
                traceback.append('\n').append(each.cause().sentence()).append("\n\n");
            }
            appendFrames(traceback, each.stack(), lines, fileName);
            traceback.append(each.message().isEmpty() ? each.type() : each.type() + ": " + each.message())
                    .append('\n');
            each.notes().forEach(note -> traceback.append(note).append('\n'));
        }
        return traceback.toString();
    }

    /**
     * One error's frames, {@code stack} being innermost first, under python3's heading (none if it has none). As
     * python3, a frame repeated more than {@value #RECURSIVE_CUTOFF} times in a row (a deep recursion) is shown
     * that often, then counted in one line.
     */
    private static void appendFrames(StringBuilder traceback, List<String> stack, List<String> lines,
            String fileName) {
        if (!stack.isEmpty()) {
            traceback.append("Traceback (most recent call last):\n");
        }
        String previous = null;
        int repeats = 0;
        for (String frame : stack.reversed()) {
            if (frame.equals(previous)) {
                if (++repeats > RECURSIVE_CUTOFF) {
                    continue;
                }
            } else {
                appendRepeated(traceback, repeats);
                previous = frame;
                repeats = 1;
            }
            Matcher parts = FRAME.matcher(frame);
            if (!parts.matches()) {
                traceback.append("  ").append(frame).append('\n');
                continue;
            }
            boolean script = parts.group(2).equals("main.py");
            int line = Integer.parseInt(parts.group(3));
            traceback.append("  File \"").append(script ? fileName : parts.group(2)).append("\", line ")
                    .append(line).append(", in ").append(parts.group(1)).append('\n');
            if (script && line >= 1 && line <= lines.size() && !lines.get(line - 1).isBlank()) {
                traceback.append("    ").append(lines.get(line - 1).strip()).append('\n');
            }
        }
        appendRepeated(traceback, repeats);
    }

    /** python3's line for the frames past {@link #RECURSIVE_CUTOFF} of one repeated {@code repeats} times. */
    private static void appendRepeated(StringBuilder traceback, int repeats) {
        int more = repeats - RECURSIVE_CUTOFF;
        if (more > 0) {
            traceback.append("  [Previous line repeated ").append(more).append(more > 1 ? " more times]\n"
                    : " more time]\n");
        }
    }

    /** Such as {@code 2 outputs: image/svg+xml, text/html}: each output by its richest type. */
    static String describe(List<Output> outputs) {
        String types = outputs.stream().map(output -> output.mimeTypes().get(0)).collect(Collectors.joining(", "));
        return outputs.size() + (outputs.size() == 1 ? " output: " : " outputs: ") + types;
    }
}
