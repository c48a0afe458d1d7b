package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.SandboxExtension.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every door the default policy shuts, tried by a guest in each language: the guest fails, the host is unchanged. */
class DoorsTest {

    @TempDir
    static Path hostDir;

    static Stream<Arguments> doors() {
        String marker = hostDir.resolve("pwned").toString();
        return Stream.of(
                Arguments.of("host class", JS, "Java.type('java.lang.System').exit(1)"),
                Arguments.of("host packages", JS, "Packages.java.lang.System.exit(1)"),
                Arguments.of("polyglot eval", JS, "Polyglot.eval('python', 'open(\"" + marker + "\", \"w\")')"),
                Arguments.of("require", JS, "require('fs').writeFileSync('" + marker + "', 'x')"),
                Arguments.of("process", JS, "process.exit(1)"),
                Arguments.of("load file", JS, "load('/etc/passwd')"),
                Arguments.of("load script", JS, "load({script: '1', name: 'x.js'})"),
                Arguments.of("quit", JS, "quit(1)"),
                Arguments.of("graal builtin", JS, "Graal.versionGraalVM.length"),
                Arguments.of("java import", PYTHON, "import java\njava.type('java.lang.System').exit(1)"),
                Arguments.of("polyglot eval", PYTHON, "import polyglot\npolyglot.eval(language='js', string='1')"),
                Arguments.of("file read", PYTHON, "open('/etc/passwd').read()"),
                Arguments.of("file write", PYTHON, "open('" + marker + "', 'w').write('x')"),
                Arguments.of("traversal", PYTHON, "open('../../../../" + marker + "', 'w').write('x')"),
                Arguments.of("os.system", PYTHON, "import os\nos.system('touch " + marker + "')"),
                Arguments.of("subprocess", PYTHON, "import subprocess\nsubprocess.run(['touch', '" + marker + "'])"),
                Arguments.of("thread", PYTHON, "import threading\nt = threading.Thread(target=print)\nt.start()"),
                Arguments.of("ctypes", PYTHON, "import ctypes\nctypes.CDLL(None).system(b'touch " + marker + "')"),
                Arguments.of("os.listdir of host", PYTHON, "import os\nos.listdir('" + hostDir + "')"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("doors")
    void execute_guestTriesDoor_failsAndHostIsUnchanged(String door, Language language, String code) throws IOException {
        ExecutionResult result = run(language, code);

        assertThat(result.status()).as(result.toJson()).isIn(Status.ERROR, Status.DENIED);
        assertThat(result.error()).isNotNull();
        try (Stream<Path> files = Files.list(hostDir)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_guestOpensSocket_failsAndNoConnectionArrives(Language language) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            String code = PerLanguage.of(JS, "new java.net.Socket('127.0.0.1', " + server.getLocalPort() + ")",
                    PYTHON, "import socket\nsocket.create_connection(('127.0.0.1', " + server.getLocalPort() + "))")
                    .get(language);

            ExecutionResult result = run(language, code);

            assertThat(result.status()).as(result.toJson()).isIn(Status.ERROR, Status.DENIED);
            assertThat(HostProbes.acceptsConnection(server)).isFalse();
        }
    }

    @Test
    void execute_jsLooksForEnvironment_findsNoWayToIt() {
        ExecutionResult result = run(JS, "[typeof environment, typeof java, typeof Java, Object.keys(process.env).join(),"
                + " process.argv.join(' '), process.cwd()]");

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("undefined", "undefined", "undefined", "",
                "node /work/main.js", "/work"));
    }

    @Test
    void execute_pythonReadsEnvironment_seesNoHostVariable() {
        List<String> hostNames = List.copyOf(System.getenv().keySet());

        ExecutionResult result = SandboxExtension.FACTORY.newSandbox().execute(PYTHON,
                "import os\n[name for name in os.environ if name in hostNames] + [os.getenv('PATH'), os.getenv('HOME')]",
                Map.of("hostNames", hostNames));

        assertThat(hostNames).contains("PATH");
        assertThat(result.value()).as(result.toJson()).isEqualTo(Arrays.asList(null, null));
    }

    /** Regression: language-home writes went through the host's writable file system (attack corpus F1). */
    @Test
    void execute_pythonWritesIntoItsLanguageHome_hostFilesAreUnchanged() throws IOException {
        String lib = (String) run(PYTHON, "import os, sys\nos.path.join(sys.prefix, 'lib', 'python3.12')").value();
        assertThat(lib).isEqualTo("/usr/lib/graalpy/lib/python3.12");   // a neutral name; the host's is below
        Path hostLib;
        try (Stream<Path> homes = Files.list(Path.of(System.getProperty("user.home"),
                ".cache", "org.graalvm.polyglot", "python", "python-home"))) {
            hostLib = homes.map(home -> home.resolve("lib/python3.12")).filter(Files::isDirectory).findFirst()
                    .orElseThrow();
        }
        Path planted = hostLib.resolve("sandlot_planted.py");
        Path stdlibFile = hostLib.resolve("this.py");
        byte[] before = Files.readAllBytes(stdlibFile);

        ExecutionResult write = run(PYTHON, "open('" + lib + "/sandlot_planted.py', 'w').write('import os')");
        ExecutionResult overwrite = run(PYTHON, "open('" + lib + "/this.py', 'w').write('raise SystemExit')");
        ExecutionResult remove = run(PYTHON, "import os\nos.remove('" + lib + "/this.py')");
        ExecutionResult chmod = run(PYTHON, "import os\nos.chmod('" + lib + "/this.py', 0o777)");

        assertThat(List.of(write.status(), overwrite.status(), remove.status(), chmod.status()))
                .as("%s %s %s %s", write.toJson(), overwrite.toJson(), remove.toJson(), chmod.toJson())
                .allMatch(status -> status == Status.ERROR || status == Status.DENIED);
        assertThat(planted).doesNotExist();
        assertThat(Files.readAllBytes(stdlibFile)).isEqualTo(before);
        assertThat(run(PYTHON, "import this\n1").status()).isEqualTo(Status.OK);
    }

    /** Regression: GraalPy's signal functions acted on the host JVM (attack corpus F2, F3). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "import signal\nsignal.raise_signal(signal.SIGTERM)",
        "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)",
        "import _signal, importlib\nimportlib.reload(_signal)\n_signal.raise_signal(15)",
        "import os\nos.kill(os.getpid(), 15)",
    })
    void execute_pythonSignalsTheHost_isDeniedAndTheHostLives(String code) {
        ExecutionResult result = run(PYTHON, code);

        assertThat(result.status()).as(result.toJson()).isIn(Status.ERROR, Status.DENIED);
        assertThat(result.error().type()).isEqualTo("PermissionError");
        assertThat(run(PYTHON, "6 * 7").value()).isEqualTo(42L);
    }

    /** Regression: time.tzset() set the host JVM's default time zone (attack corpus F10). */
    @Test
    void execute_pythonSetsTheTimeZone_hostTimeZoneIsUnchanged() {
        java.util.TimeZone before = java.util.TimeZone.getDefault();

        ExecutionResult result = run(PYTHON, "import os, time\nos.environ['TZ'] = 'Asia/Tokyo'\ntime.tzset()\n"
                + "time.strftime('%Z')");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.value()).isEqualTo("UTC");
        assertThat(java.util.TimeZone.getDefault()).isEqualTo(before);
    }

    @Test
    void execute_pythonReadsStdin_getsEndOfFile() {
        ExecutionResult result = run(PYTHON, "import sys\nsys.stdin.read()");

        assertThat(result.value()).as(result.toJson()).isEqualTo("");
    }

    @Test
    void execute_pythonCallsExit_isAGuestErrorAndTheHostSurvives() {
        ExecutionResult result = run(PYTHON, "import sys\nsys.exit(3)");

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("SystemExit");
        assertThat(run(PYTHON, "1 + 1").value()).isEqualTo(2L);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_guestPrints_outputIsCapturedNotWrittenToHost(Language language) {
        PrintStream hostOut = System.out;
        PrintStream hostErr = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        PrintStream spy = new PrintStream(seen, true, StandardCharsets.UTF_8);
        System.setOut(spy);
        System.setErr(spy);
        ExecutionResult result;
        try {
            result = run(language, PerLanguage.of(
                    JS, "console.log('to out'); console.error('to err'); print('printed')",
                    PYTHON, "import sys\nprint('to out')\nprint('to err', file=sys.stderr)\nsys.stdout.write('printed\\n')")
                    .get(language));
        } finally {
            System.setOut(hostOut);
            System.setErr(hostErr);
        }

        assertThat(result.stdout()).isEqualTo("to out\nprinted\n");
        assertThat(result.stderr()).isEqualTo("to err\n");
        assertThat(seen.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** No Worker; setTimeout exists, but its callbacks run on the guest's own thread (see JsEventLoopTest). */
    @Test
    void execute_jsNewThreadPrimitives_areUnavailable() {
        ExecutionResult result = run(JS, "typeof Worker + ' ' + typeof Java");

        assertThat(result.value()).as(result.toJson()).isEqualTo("undefined undefined");
    }
}
