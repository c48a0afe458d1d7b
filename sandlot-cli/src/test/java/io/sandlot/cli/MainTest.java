package io.sandlot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.ExecutionResult;
import io.sandlot.Status;
import io.sandlot.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line, run in-process: exit codes, JSON output, batch and bad input. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final StringWriter stderr = new StringWriter();

    @Test
    void run_pythonExample_printsItsOutputAndExitsZero() {
        int code = run(null, "run", "examples/hello.py");

        assertThat(code).isEqualTo(0);
        assertThat(out()).startsWith("Hello from Python").doesNotContain("mean");
    }

    @Test
    void run_sqlQuery_printsItsResult() {
        int code = run("SELECT 40 + 2 AS answer", "run", "--lang", "sql", "-");

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("answer").contains("42");
    }

    @Test
    void run_jsExampleWithJson_printsExactlyOneResultObject() {
        int code = run(null, "run", "--json", "examples/hello.js");

        ExecutionResult result = ExecutionResult.fromJson(out().strip());
        assertThat(code).isEqualTo(0);
        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.stdout()).contains("Hello from JavaScript");
        assertThat(out().strip().lines()).hasSize(1);
    }

    @Test
    void run_displayAndChart_notesTheOutputsOnStderrAndJsonCarriesThem() {
        String code = "display('<b>x</b>', 'text/html')\ndisplay({'n': 1})";

        int plain = run(code, "run", "--lang", "python", "-");
        String noted = err();
        int json = run(code, "run", "--lang", "python", "--json", "-");

        assertThat(plain).isZero();
        assertThat(noted).contains("sandbox: 2 outputs: text/html, application/json (save them with --out DIR, see them "
                + "with --json)");
        assertThat(json).isZero();
        assertThat(ExecutionResult.fromJson(out().strip().lines().reduce((a, b) -> b).orElseThrow()).outputs())
                .hasSize(2);
    }

    @Test
    void run_pythonError_exitsOneAndPrintsTheTracebackAsPython3Does() throws Exception {
        Path script = Files.writeString(dir.resolve("bad.py"),
                "def check(x):\n    raise ValueError('nope ' + x)\n\ncheck('a')\n");

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("Traceback (most recent call last):\n"
                + "  File \"" + script + "\", line 4, in <module>\n    check('a')\n"
                + "  File \"" + script + "\", line 2, in check\n    raise ValueError('nope ' + x)\n"
                + "ValueError: nope a\n");
    }

    @Test
    void run_pythonRecursionError_showsARepeatedFrameThreeTimesThenCountsTheRest() throws Exception {
        Path script = Files.writeString(dir.resolve("deep.py"), "def down(n):\n    return down(n + 1)\n\ndown(0)\n");

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(1);
        String frame = "  File \"" + script + "\", line 2, in down\n    return down(n + 1)\n";
        assertThat(err()).matches("Traceback \\(most recent call last\\):\n"
                + Pattern.quote(frame.repeat(3)) + "  \\[Previous line repeated \\d+ more times\\]\n"
                + "RecursionError: maximum recursion depth exceeded.*\n");
    }

    @Test
    void run_pythonErrorWithAChain_printsTheChainAndNotesAsPython3Does() throws Exception {
        Path script = Files.writeString(dir.resolve("chain.py"), """
                def load(s):
                    try:
                        return int(s)
                    except ValueError as e:
                        raise RuntimeError('bad config') from e
                try:
                    {}['k']
                except KeyError:
                    error = None
                    try:
                        load('x')
                    except RuntimeError as e:
                        e.add_note('check the file')
                        raise
                """);

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("""
                Traceback (most recent call last):
                  File "%1$s", line 7, in <module>
                    {}['k']
                KeyError: 'k'

                During handling of the above exception, another exception occurred:

                Traceback (most recent call last):
                  File "%1$s", line 3, in load
                    return int(s)
                ValueError: invalid literal for int() with base 10: 'x'

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "%1$s", line 11, in <module>
                    load('x')
                  File "%1$s", line 5, in load
                    raise RuntimeError('bad config') from e
                RuntimeError: bad config
                check the file
                """.formatted(script));
    }

    @Test
    void run_jsErrorWithACause_reportsTheCauseToo() throws Exception {
        Path script = Files.writeString(dir.resolve("cause.js"),
                "try {\n  JSON.parse('{x');\n} catch (e) {\n  throw new Error('bad config', { cause: e });\n}\n");

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("sandbox: error: Error: bad config (line 4)\n"
                + "sandbox:   [cause]: SyntaxError: Unexpected token x in JSON at position 1 (line 2)\n");
    }

    @Test
    void run_whatFollowsTheFile_isTheScriptsCommandLine_optionsToo() throws Exception {
        Path python = Files.writeString(dir.resolve("args.py"), "import sys\nprint(sys.argv[1:])\n");
        Path js = Files.writeString(dir.resolve("args.js"), "console.log(process.argv.slice(2))\n");

        int pythonCode = run(null, "run", python.toString(), "sales.csv", "--json", "-p");
        String pythonOut = out();
        int jsCode = run(null, "run", "--json", js.toString(), "--top", "5");

        assertThat(pythonCode).isZero();
        assertThat(pythonOut).isEqualTo("['sales.csv', '--json', '-p']\n");
        assertThat(jsCode).isZero();
        assertThat(ExecutionResult.fromJson(out().strip().lines().reduce((a, b) -> b).orElseThrow()).stdout())
                .isEqualTo("[ '--top', '5' ]\n");
    }

    @Test
    void run_sqlFollowedByAnOption_saysOptionsGoBeforeTheFile() throws Exception {
        Path query = Files.writeString(dir.resolve("q.sql"), "SELECT 1 AS one");

        int code = run(null, "run", query.toString(), "--json");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("run's options go before FILE").contains("was followed by '--json'");
    }

    @Test
    void run_jsError_reportsTheTypeMessageAndLine() throws Exception {
        Path script = Files.writeString(dir.resolve("bad.js"), "const x = 1;\nthrow new TypeError('nope');\n");

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("TypeError: nope (line 2)");
    }

    @Test
    void run_pythonExits_withItsOwnStatusAsPython3Does() {
        int zero = run("import sys\nprint('done')\nsys.exit(0)", "run", "--lang", "python", "-");
        String zeroErr = err();
        int three = run("import sys\nsys.exit(3)", "run", "--lang", "python", "-");
        String threeErr = err();
        int message = run("import sys\nsys.exit('fatal: config missing')", "run", "--lang", "python", "-");

        assertThat(zero).isZero();
        assertThat(out()).isEqualTo("done\n");
        assertThat(zeroErr).isEmpty();
        assertThat(three).isEqualTo(3);
        assertThat(threeErr).isEmpty();
        assertThat(message).isEqualTo(1);
        assertThat(err()).isEqualTo("fatal: config missing\n");
    }

    @Test
    void run_jsProcessExit_withItsOwnStatusAsNodeDoes() {
        int two = run("console.log('partial'); process.exit(2); console.log('never')", "run", "--lang", "js", "-");

        assertThat(two).isEqualTo(2);
        assertThat(out()).isEqualTo("partial\n");
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "js|let total = 0; for (const x of [1, 2]) total += x; console.log('sum', total); total",
        "python|total = sum([1, 2]); print('sum', total); total"})
    void run_scriptEndingInAnExpression_printsOnlyItsOutputAsTheInterpreterDoes(String language, String code) {
        int status = run(code, "run", "--lang", language, "-");

        assertThat(status).as(err()).isZero();
        assertThat(out()).isEqualTo("sum 3\n");
    }

    @Test
    void run_printValue_printsTheValueAfterTheOutput() {
        int code = run("console.log('sum'); ({total: 3})", "run", "-p", "--lang", "js", "-");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("sum\n{\"total\":3}\n");
    }

    @Test
    void run_scriptWritesAFileAndReadsItBack() {
        int code = run("import csv\nwith open('out.csv', 'w', newline='') as f:\n    csv.writer(f).writerow([1, 2])\n"
                + "print(open('out.csv').read(), end='')", "run", "--lang", "python", "-");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("1,2\n");   // csv writes \r\n; text mode reads it as \n
    }

    @Test
    void run_fileAndOut_giveTheScriptHostFilesAndSaveWhatItHandsBack() throws Exception {
        Path sales = Files.writeString(dir.resolve("sales.csv"), "region,amount\nnorth,10\nsouth,5\nnorth,2\n");
        Path docs = Files.createDirectories(dir.resolve("docs/deeper"));
        Files.writeString(docs.resolve("a.txt"), "from docs");
        Path out = dir.resolve("results");
        String script = """
                import csv, collections, os
                os.makedirs('out', exist_ok=True)
                totals = collections.Counter()
                for row in csv.DictReader(open('sales.csv')):
                    totals[row['region']] += int(row['amount'])
                with open('out/totals.csv', 'w') as f:
                    f.writelines(f'{k},{v}\\n' for k, v in sorted(totals.items()))
                display('<b>2 regions</b>', 'text/html')
                print(open('reference/deeper/a.txt').read())
                """;

        int code = run(script, "run", "--file", sales.toString(), "--file", "reference=" + dir.resolve("docs"),
                "--out", out.toString(), "--lang", "python", "-");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("from docs\n");
        assertThat(Files.readString(out.resolve("totals.csv"))).isEqualTo("north,12\nsouth,5\n");
        assertThat(Files.readString(out.resolve("output-1.html"))).isEqualTo("<b>2 regions</b>");
        assertThat(err()).isEqualTo("sandbox: saved 2 files in " + out + ": totals.csv, output-1.html\n");
    }

    @Test
    void run_artifactsWithoutOut_areNotedWithTheFlagThatSavesThem() {
        int code = run("import os\nos.makedirs('out')\nwith open('out/a.txt', 'w') as f:\n    f.write('a')", "run",
                "--lang", "python", "-");

        assertThat(code).as(err()).isZero();
        assertThat(err()).isEqualTo("sandbox: 1 file under /work/out/: a.txt (save them with --out DIR, see them with "
                + "--json)\n");
    }

    @Test
    void run_fileThatDoesNotExist_isAUsageErrorBeforeTheScriptRuns() {
        int code = run("print('ran')", "run", "--file", dir.resolve("nope.csv").toString(), "--lang", "python", "-");

        assertThat(code).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("--file " + dir.resolve("nope.csv") + ": no such file");
    }

    @Test
    void run_outThatIsAFile_isAUsageErrorBeforeTheScriptRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        int code = run("print('ran')", "run", "--out", file.toString(), "--lang", "python", "-");

        assertThat(code).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("--out " + file + ": cannot make the folder");
    }

    @Test
    void run_limitHit_exitsThree() throws Exception {
        Path script = Files.writeString(dir.resolve("loop.js"), "while (true) {}");

        int code = run(null, "run", "--timeout-ms", "200", "--json", script.toString());

        assertThat(code).isEqualTo(3);
        assertThat(ExecutionResult.fromJson(out().strip()).status()).isEqualTo(Status.TIMEOUT);
    }

    @Test
    void run_stdinWithLang_runsIt() {
        int code = run("console.log(6 * 7)", "run", "--lang", "js", "-");

        assertThat(code).isEqualTo(0);
        assertThat(out()).isEqualTo("42\n");
    }

    @Test
    void run_inputs_areBound() {
        int code = run("a + b", "run", "--print-value", "--lang", "python", "--inputs", "{\"a\": 2, \"b\": 40}",
                "-");

        assertThat(code).isEqualTo(0);
        assertThat(out()).isEqualTo("42\n");
    }

    @Test
    void run_invalidUtf8_isAUsageErrorNamingTheOffset() throws Exception {
        Path script = Files.write(dir.resolve("bad.js"), new byte[] {'1', '+', (byte) 0xC3, '('});

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("is not valid UTF-8 (malformed byte at offset 2)");
    }

    @Test
    void run_unknownExtensionWithoutLang_isAUsageError() throws Exception {
        Path script = Files.writeString(dir.resolve("script.rb"), "puts 1");

        int code = run(null, "run", script.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("pass --lang js or --lang python");
    }

    @Test
    void run_unknownLanguage_isAUsageError() {
        int code = run("1", "run", "--lang", "ruby", "-");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("unknown language 'ruby'");
    }

    @Test
    void run_negativeLimit_isAUsageError() {
        int code = run("1", "run", "--lang", "js", "--max-statements", "-1", "-");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("maxStatements must be >= 0");
    }

    @Test
    void run_emptyCode_isAUsageError() {
        int code = run("  \n", "run", "--lang", "js", "-");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("code is empty");
    }

    @Test
    void run_missingFile_isAUsageError() {
        int code = run(null, "run", dir.resolve("absent.py").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("no such file");
    }

    @Test
    void batch_mixedLines_answersEachByIdAndFlagsTheInvalidOne() {
        String input = String.join("\n",
                "{\"id\": \"a\", \"language\": \"js\", \"code\": \"x * 2\", \"inputs\": {\"x\": 21}}",
                "{\"id\": \"b\", \"language\": \"python\", \"code\": \"while True: pass\", \"limits\": {\"timeoutMs\": 200}}",
                "{\"id\": \"c\", \"language\": \"cobol\", \"code\": \"1\"}",
                "not json",
                "",
                "{\"id\": 4, \"language\": \"python\", \"code\": \"print('hi')\", \"extra\": 1}");

        int code = run(input, "batch", "--parallelism", "2");

        Map<Object, Map<?, ?>> byId = out().lines()
                .map(line -> (Map<?, ?>) Json.parse(line))
                .collect(Collectors.toMap(m -> String.valueOf(m.get("id")), m -> m));
        assertThat(code).isEqualTo(2);
        assertThat(byId).hasSize(5);
        assertThat(byId.get("a").get("value")).isEqualTo(42L);
        assertThat(byId.get("b").get("status")).isEqualTo("timeout");
        assertThat(byId.get("c").get("status")).isEqualTo("invalid_request");
        assertThat(byId.get("null").get("status")).isEqualTo("invalid_request");
        assertThat(String.valueOf(byId.get("4").get("error"))).contains("unknown field 'extra'");
    }

    @Test
    void info_json_reportsVersionsLanguagesAndJit() {
        int code = run(null, "info", "--json");

        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) Json.parse(out().strip());
        assertThat(code).isEqualTo(0);
        assertThat(info.keySet()).containsExactly("java", "graalvm", "implementation", "jit", "languages");
        assertThat(String.valueOf(info.get("languages"))).contains("js=", "python=");
        assertThat(info.get("jit")).isInstanceOf(Boolean.class);
    }

    @Test
    void serve_nodeIdWithADot_isAUsageErrorSayingWhatANodeIdIs() {
        int code = run(null, "serve", "--port", "0", "--node-id", "r1.example");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("--node-id: a node id must be 1 to 63 letters, digits, '-' or '_'")
                .doesNotContain("listening");
    }

    @Test
    void unknownCommand_isAUsageError() {
        assertThat(run(null, "frobnicate")).isEqualTo(2);
    }

    private int run(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        try {
            System.setIn(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
            commandLine.setErr(new PrintWriter(stderr, true));
            return commandLine.execute(args);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString();
    }
}
