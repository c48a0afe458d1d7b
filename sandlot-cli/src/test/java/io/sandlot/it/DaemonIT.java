package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./sandbox run} through the background process, as a user runs it: each test has its own daemon directory
 * and stops what it started, except the tests tagged {@value #SHARED_DAEMON}, which compare a command's output
 * through the daemon with its output in process: what they compare does not depend on the daemon's past, so they
 * share one daemon (one start instead of one per case) and show that it answers many commands alike.
 */
class DaemonIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String LAUNCHER = System.getProperty("sandlot.launcher", "./sandbox");
    private static final String SHARED_DAEMON = "shared-daemon";
    /** Where the commands that save files save them (the same for both runs of a command). */
    private static final Path OUT_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "sandlot-daemon-it-out-" + ProcessHandle.current().pid());

    @TempDir
    static Path sharedDaemonDir;

    @TempDir
    Path ownDaemonDir;

    /** The daemon directory of the running test: its own, or the shared one. */
    private Path daemonDir;

    @BeforeEach
    void chooseDaemonDir(TestInfo test) {
        daemonDir = test.getTags().contains(SHARED_DAEMON) ? sharedDaemonDir : ownDaemonDir;
    }

    @AfterEach
    void stopOwnDaemon() throws Exception {
        if (daemonDir == ownDaemonDir) {
            stopDaemons(daemonDir);
        }
    }

    @AfterAll
    static void stopSharedDaemon() throws Exception {
        stopDaemons(sharedDaemonDir);
        if (Files.isDirectory(OUT_DIR)) {
            try (Stream<Path> saved = Files.walk(OUT_DIR)) {
                for (Path path : saved.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void stopDaemons(Path dir) throws Exception {
        run(dir, Map.of(), null, "daemon", "stop");
        for (long pid : daemonPids(dir)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void run_twice_startsTheDaemonThenReusesIt() throws Exception {
        Result first = run(Map.of(), null, "run", "--print-value", "examples/hello.py");
        List<Long> pids = daemonPids();
        Result second = run(Map.of(), null, "run", "--print-value", "examples/hello.py");

        assertThat(first.code).as(first.stderr).isZero();
        assertThat(first.stdout).startsWith("Hello from Python 3.12\nreadings: 5\n")
                .contains("{\"mean\":13.4,\"max\":15.5,\"spread\":3.75}");
        assertThat(second).isEqualTo(first);
        assertThat(pids).hasSize(1);
        assertThat(daemonPids()).isEqualTo(pids);
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(null, List.of("run", "examples/hello.js")),
                Arguments.of(null, List.of("run", "--json", "examples/hello.py")),
                Arguments.of("print('out'); import sys; print('err', file=sys.stderr); 1/0",
                        List.of("run", "--lang", "python", "-")),
                Arguments.of("console.log('x'.repeat(3)); ({a: [1, 2.5, 'é']})", List.of("run", "--json", "--lang", "js", "-")),
                Arguments.of("while (true) {}", List.of("run", "--lang", "js", "--timeout-ms", "300", "-")),
                Arguments.of("a + b",
                        List.of("run", "-p", "--lang", "python", "--inputs", "{\"a\": 2, \"b\": 40}", "-")),
                Arguments.of("console.log(1); process.exit(7)", List.of("run", "--lang", "js", "-")),
                Arguments.of("import sys; print(sys.argv[1:])",
                        List.of("run", "--lang", "python", "-", "a.csv", "--json")),
                Arguments.of("import os\nos.makedirs('out')\nopen('out/n.txt', 'w').write(str(len(open('h.py').read())))"
                        + "\ndisplay('<b>x</b>', 'text/html')",
                        List.of("run", "--file", "h.py=examples/hello.py", "--out", OUT_DIR.toString(), "--lang",
                                "python", "-")),
                Arguments.of(null, List.of("run", "no-such-file.py")),
                Arguments.of(null, List.of("run", "--bogus", "examples/hello.py")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    @Tag(SHARED_DAEMON)
    void run_sameCommand_sameOutputAndExitCodeAsNoDaemon(String stdin, List<String> args) throws Exception {
        Result inProcess = run(Map.of("SANDLOT_NO_DAEMON", "1"), stdin, args.toArray(String[]::new));
        Result daemon = run(Map.of(), stdin, args.toArray(String[]::new));

        assertThat(daemon.withoutStats()).isEqualTo(inProcess.withoutStats());
        assertThat(daemonPids()).hasSize(1);
        if (args.contains("--out")) {   // the daemon read the file and wrote these in the client's directory
            assertThat(daemon.stderr).contains("saved 2 files in");
            assertThat(Files.readString(OUT_DIR.resolve("n.txt")))
                    .isEqualTo(String.valueOf(Files.readString(BASEDIR.resolve("examples/hello.py")).length()));
            assertThat(Files.readString(OUT_DIR.resolve("output-1.html"))).isEqualTo("<b>x</b>");
        }
    }

    @Test
    @Tag(SHARED_DAEMON)
    void batch_sameLinesAndExitCodeAsNoDaemon() throws Exception {
        String lines = """
                {"id": 1, "language": "python", "code": "i * 2", "inputs": {"i": 21}}
                {"id": 2, "language": "python", "code": "import json\\nprint(json.dumps([i]))", "inputs": {"i": 1}}
                {"id": 3, "language": "js", "code": "[1, 2].map(x => x * n)", "inputs": {"n": 3}}
                {"id": 4, "language": "python", "code": "1 / 0"}
                not json
                {"id": 6, "language": "python", "code": "sorted(xs)", "inputs": {"xs": [3, 1, 2]}}
                """;
        Result inProcess = run(Map.of("SANDLOT_NO_DAEMON", "1"), lines, "batch");
        Result daemon = run(Map.of(), lines, "batch");

        assertThat(inProcess.code).as(inProcess.stderr).isEqualTo(2);
        assertThat(daemon.code).isEqualTo(2);
        assertThat(sortedLines(daemon.withoutStats().stdout)).isEqualTo(sortedLines(inProcess.withoutStats().stdout))
                .hasSize(6);
        assertThat(daemon.stdout).contains("\"id\":1,\"status\":\"ok\",\"value\":42");
        assertThat(daemonPids()).hasSize(1);
    }

    @Test
    void batch_throughTheDaemon_answersEachLineAsItArrives() throws Exception {
        Process client = start(Map.of(), "batch");
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        var in = client.getOutputStream();

        in.write("{\"id\": \"a\", \"language\": \"python\", \"code\": \"n + 1\", \"inputs\": {\"n\": 1}}\n"
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        String first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(120, TimeUnit.SECONDS);   // stdin is still open: the line was answered before the input ended
        in.write("{\"id\": \"b\", \"language\": \"js\", \"code\": \"2 * 3\"}\n".getBytes(StandardCharsets.UTF_8));
        in.close();
        String second = out.readLine();

        assertThat(first).startsWith("{\"id\":\"a\",\"status\":\"ok\",\"value\":2,");
        assertThat(second).startsWith("{\"id\":\"b\",\"status\":\"ok\",\"value\":6,");
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).isZero();
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    @Test
    void run_twoClientsRacing_bothSucceedWithOneDaemon() throws Exception {
        Process a = start(Map.of(), "run", "examples/hello.js");
        Process b = start(Map.of(), "run", "examples/hello.js");
        Result resultA = finish(a);
        Result resultB = finish(b);

        assertThat(resultA.code).as(resultA.stderr).isZero();
        assertThat(resultB).isEqualTo(resultA);
        assertThat(daemonPids()).hasSize(1);
        String log = Files.readString(onlyFile(".log"));
        assertThat(log.lines().filter(line -> line.contains("listening on"))).hasSize(1);
    }

    @Test
    void run_afterTheDaemonWasKilled_replacesItsStaleSocket() throws Exception {
        assertThat(run(Map.of(), null, "run", "examples/hello.js").code).isZero();
        long killed = daemonPids().get(0);
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        ProcessHandle.of(killed).ifPresent(p -> p.onExit().join());
        assertThat(onlyFile(".sock")).exists();   // a crash leaves its socket behind

        Result again = run(Map.of(), null, "run", "examples/hello.js");

        assertThat(again.code).as(again.stderr).isZero();
        assertThat(again.stdout).startsWith("Hello from JavaScript");
        assertThat(daemonPids()).hasSize(1).doesNotContain(killed);
    }

    @Test
    void daemon_idleTimeout_exitsAndCleansUp() throws Exception {
        assertThat(run(Map.of("SANDLOT_DAEMON_IDLE", "2"), null, "run", "examples/hello.js").code).isZero();
        long pid = daemonPids().get(0);

        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());

        assertThat(ProcessHandle.of(pid)).isEmpty();
        try (Stream<Path> files = Files.list(daemonDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".sock") || n.endsWith(".pid"));
        }
    }

    @Test
    void run_daemonDiesMidRun_clientExitsSeventyWithAMessage() throws Exception {
        Process client = start(Map.of(), "run", "--lang", "js", "--timeout-ms", "120000", "--cpu-time-ms", "0", "-");
        client.getOutputStream().write("while (true) {}".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        waitUntilRunning(1);

        ProcessHandle.of(daemonPids().get(0)).orElseThrow().destroyForcibly();
        Result result = finish(client);

        assertThat(result.code).isEqualTo(70);
        assertThat(result.stderr).contains("the background process ended during the run");
    }

    @Test
    void daemonStop_duringARun_letsThatRunFinishThenExits() throws Exception {
        Process client = start(Map.of(), "run", "--lang", "js", "--timeout-ms", "120000", "--cpu-time-ms", "0", "-");
        client.getOutputStream().write("const end = Date.now() + 4000; while (Date.now() < end) {} console.log('done')"
                .getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        waitUntilRunning(1);
        long pid = daemonPids().get(0);

        Result stop = run(Map.of(), null, "daemon", "stop");
        Result result = finish(client);

        assertThat(stop.code).as(stop.stderr).isZero();
        assertThat(result.code).as(result.stderr).isZero();
        assertThat(result.stdout).isEqualTo("done\n");
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        // The run, and possibly the last `daemon status` of waitUntilRunning still finishing when the stop came
        assertThat(Files.readString(onlyFile(".log")))
                .containsPattern("stopping: waiting for [12] running command\\(s\\)");
        assertThat(run(Map.of(), null, "run", "examples/hello.js").code).isZero();
    }

    @Test
    void run_clientInterrupted_cancelsTheGuestInTheDaemon() throws Exception {
        Process client = start(Map.of(), "run", "--lang", "js", "--timeout-ms", "120000", "--cpu-time-ms", "0", "-");
        client.getOutputStream().write("while (true) {}".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        waitUntilRunning(1);

        ProcessHandle javaClient = client.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("DaemonClient")).findFirst().orElseThrow();
        new ProcessBuilder("kill", "-INT", Long.toString(javaClient.pid())).start().waitFor();
        Result result = finish(client);

        assertThat(result.code).isEqualTo(130);
        waitUntilRunning(0);
        assertThat(run(Map.of(), null, "run", "examples/hello.js").code).isZero();
    }

    private void waitUntilRunning(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Result status = run(Map.of(), null, "daemon", "status");
            if (status.stdout.contains("\nrunning " + count + "\n")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the daemon never had " + count + " running executions");
    }

    private List<Long> daemonPids() throws IOException {
        return daemonPids(daemonDir);
    }

    private static List<Long> daemonPids(Path dir) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(file).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    private Path onlyFile(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(daemonDir)) {
            List<Path> matching = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        return start(daemonDir, env, args);
    }

    private static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(BASEDIR.toFile());
        builder.environment().remove("SANDLOT_NO_DAEMON");
        builder.environment().put("SANDLOT_DAEMON_DIR", dir.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private Result run(Map<String, String> env, String stdin, String... args) throws Exception {
        return run(daemonDir, env, stdin, args);
    }

    private static Result run(Path dir, Map<String, String> env, String stdin, String... args) throws Exception {
        Process process = start(dir, env, args);
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        return finish(process);
    }

    private static Result finish(Process process) throws Exception {
        // Read both streams while it runs, so that a full pipe cannot block it.
        var stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out");
        }
        return new Result(process.exitValue(), stdout.get(), stderr.get());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Result(int code, String stdout, String stderr) {
        /** The same result with the run's timings ("stats") cut out of JSON output. */
        Result withoutStats() {
            return new Result(code, stdout.replaceAll(",\"stats\":\\{[^}]*\\}", ""), stderr);
        }
    }
}
