package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol clients agents and notebooks really use, against one {@code ./sandbox serve --anonymous} with a
 * token as well (the server a user starts), each as its own process: jupyter_server's gateway client driving
 * nbclient through the example notebook (and CPython running the same cells), JupyterLab's
 * {@code @jupyterlab/services}, a client that speaks as tablegpt's pybox does, a transcript compared with a
 * recording of jupyter_server and ipykernel, and the MCP TypeScript SDK and inspector-cli over streamable HTTP and
 * stdio. {@code clients/install} installs them (scripts/test runs it); a missing one fails here, naming it.
 */
class RealClientsIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", ".")).toAbsolutePath();
    private static final Path CLIENTS = BASEDIR.resolve("clients");
    private static final String LAUNCHER = BASEDIR.resolve(System.getProperty("sandlot.launcher", "./sandbox"))
            .normalize().toString();
    private static final String PYTHON = "/usr/bin/python3";
    private static final String TOKEN = "real-clients-token-1234";
    private static final long CLIENT_TIMEOUT_SECONDS = 300;

    private static Process server;
    private static String url;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        List<String> missing = new ArrayList<>();
        if (run(List.of(PYTHON, "-c", "import jupyter_client, jupyter_server, nbclient, nbformat, websocket"))
                .exitCode != 0) {
            missing.add("Debian's python3-jupyter-client, python3-jupyter-server, python3-nbclient, "
                    + "python3-nbformat, python3-websocket");
        }
        for (String module : List.of("@jupyterlab/services", "@modelcontextprotocol/sdk",
                "@modelcontextprotocol/inspector-cli", "ws")) {
            if (!Files.isDirectory(CLIENTS.resolve("node_modules").resolve(module))) {
                missing.add("npm's " + module);
            }
        }
        if (!missing.isEmpty()) {
            fail("the real clients are not installed: " + String.join("; ", missing)
                    + ". Run clients/install (as root for the Debian packages); scripts/test runs it.");
        }
        Path tokens = Files.writeString(dir.resolve("tokens"), TOKEN + "\n");
        server = new ProcessBuilder(LAUNCHER, "serve", "--port", "0", "--anonymous", "--tokens-file",
                tokens.toString()).directory(BASEDIR.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        URI uri = ServeOutput.awaitListening(err, Duration.ofSeconds(180));
        Thread.ofPlatform().daemon().start(() -> err.lines().forEach(line -> { }));
        url = uri.toString().replaceAll("/$", "");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void nbclient_throughJupyterServersGatewayClient_executesTheExampleNotebookAsCPythonWould(@TempDir Path dir)
            throws Exception {
        Path executed = dir.resolve("analysis.executed.ipynb");

        Run run = run(List.of(PYTHON, CLIENTS.resolve("jupyter/run_notebook.py").toString(), url,
                BASEDIR.resolve("examples/notebooks/analysis.ipynb").toString(), executed.toString(),
                "--compare-with-cpython"));

        run.assertPassed();
        assertThat(run.stdout).contains("every output is what CPython");
        assertThat(Files.readString(executed)).contains("\"best\": \"north\"").contains("\"execution_count\": 4");
    }

    @Test
    void jupyterlabServices_kernelSpecsStartInfoExecuteInterruptRestartShutdown() throws Exception {
        run(List.of("node", CLIENTS.resolve("jupyter/services.mjs").toString(), url, TOKEN)).assertPassed();
    }

    @Test
    void pyboxStyleClient_withoutCredentials_aWebSocketPerRun() throws Exception {
        run(List.of(PYTHON, CLIENTS.resolve("jupyter/pybox_client.py").toString(), url)).assertPassed();
    }

    @Test
    void kernelTranscript_matchesTheJupyterServerAndIpykernelRecording() throws Exception {
        Run run = run(List.of(PYTHON, CLIENTS.resolve("jupyter/transcript.py").toString(), "compare",
                CLIENTS.resolve("jupyter/reference/ipykernel.json").toString(), url, TOKEN));

        run.assertPassed();
        assertThat(run.stdout).contains("every answer matches the reference recording");
    }

    @Test
    void mcpTypeScriptSdk_overStreamableHttp() throws Exception {
        run(List.of("node", CLIENTS.resolve("mcp/client.mjs").toString(), "http", url + "/mcp", TOKEN))
                .assertPassed();
    }

    @Test
    void mcpTypeScriptSdk_overStdio() throws Exception {
        run(List.of("node", CLIENTS.resolve("mcp/client.mjs").toString(), "stdio", LAUNCHER)).assertPassed();
    }

    @Test
    void mcpInspectorCli_listsAndCallsTools_overHttpAndStdio() throws Exception {
        String inspector = CLIENTS.resolve("node_modules/.bin/mcp-inspector-cli").toString();
        List<String> http = List.of(inspector, "--cli", url + "/mcp", "--transport", "http", "--header",
                "Authorization: Bearer " + TOKEN);

        Run list = run(concat(http, "--method", "tools/list"));
        Run call = run(concat(http, "--method", "tools/call", "--tool-name", "execute_code", "--tool-arg",
                "code=import statistics\nstatistics.median([3, 1, 2])"));
        Run stdio = run(List.of(inspector, "--cli", LAUNCHER, "mcp", "--no-warm-up", "--method", "tools/call",
                "--tool-name", "execute_code", "--tool-arg", "code=[6, 7].reduce((a, b) => a * b)", "language=js"));

        assertThat(list.exitCode).as(list.describe()).isZero();
        assertThat(list.stdout).contains("\"name\": \"execute_code\"").contains("\"name\": \"upload_file\"");
        assertThat(call.exitCode).as(call.describe()).isZero();
        assertThat(call.stdout).contains("\\\"value\\\":2,");
        assertThat(stdio.exitCode).as(stdio.describe()).isZero();
        assertThat(stdio.stdout).contains("\\\"value\\\":42");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** One client process's outcome. */
    private record Run(List<String> command, int exitCode, String stdout, String stderr) {
        void assertPassed() {
            assertThat(exitCode).as(describe()).isZero();
        }

        String describe() {
            return String.join(" ", command) + " exited " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n"
                    + stderr;
        }
    }

    /** Runs a client from the clients folder (inspector-cli needs a package.json in its parent folder). */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(CLIENTS.resolve("mcp").toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within " + CLIENT_TIMEOUT_SECONDS + " s");
        }
        return new Run(command, process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
