package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedding recipes in {@code examples/} as CI runs them: each {@code run} script builds its standalone
 * project against the Sandlot this build packaged (installed once into the local Maven repository), starts it
 * with 0 rounds (a quick smoke run), and must print the runtime info with {@code "jit":true} on its first line and
 * no JDK warning. Output: {@code target/recipes/NAME.out} and {@code .err}.
 */
class RecipesIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", ".")).toAbsolutePath();
    private static final Path LOGS = BASEDIR.resolve("sandlot-cli/target/recipes");
    private static final String VERSION = System.getProperty("sandlot.version", "0.1.0-SNAPSHOT");

    /**
     * Installs what a recipe depends on, as `mvn install` would, without building it again: the parent pom and the
     * packaged sandlot-api and sandlot-core jars (failsafe runs after the reactor packaged them).
     */
    @BeforeAll
    static void installThePackagedJars() throws Exception {
        Files.createDirectories(LOGS);
        Path parent = BASEDIR.resolve("pom.xml");
        install(parent, parent, "-Dpackaging=pom");
        for (String module : List.of("sandlot-api", "sandlot-core")) {
            Path jar = BASEDIR.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            assertThat(jar).as("the packaged jar of %s (failsafe runs after package)", module).exists();
            install(jar, BASEDIR.resolve(module).resolve("pom.xml"));
        }
    }

    private static void install(Path file, Path pom, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dstyle.color=never",
                "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file",
                "-Dfile=" + file, "-DpomFile=" + pom));
        command.addAll(List.of(options));
        Run install = run("install", command);
        assertThat(install.exit).as("installing %s failed:%n%s", file, install.stderr()).isEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maven-consumer", "maven-junit", "distribution", "gradle-consumer"})
    void run_printsTheJitOnAndNoJdkWarning(String recipe) throws Exception {
        Path script = BASEDIR.resolve("examples").resolve(recipe).resolve("run");

        Run result = run(recipe, List.of(script.toString(), "0"));

        String stdout = result.stdout();
        String stderr = result.stderr();
        String firstLine = stdout.lines().findFirst().orElse("");
        assertThat(result.exit).as("examples/%s/run failed (exit %d); stderr:%n%s", recipe, result.exit, stderr)
                .isEqualTo(0);
        assertThat(firstLine).as("examples/%s/run must print the runtime info with \"jit\":true on its first line; "
                + "a JVM without the JIT flags (see README, Embedding in your service) prints \"jit\":false. "
                + "stdout:%n%s%nstderr:%n%s", recipe, stdout, stderr).startsWith("{").contains("\"jit\":true");
        assertThat(stdout).as("both guests ran").contains("python ok = ").contains("js ok = ");
        assertThat(stderr.lines().filter(line -> line.startsWith("WARNING:")).toList())
                .as("examples/%s/run must start the JVM without JDK warnings (native access, sun.misc.Unsafe); "
                        + "stderr:%n%s", recipe, stderr).isEmpty();
    }

    private record Run(int exit, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    private static Run run(String name, List<String> command) throws IOException, InterruptedException {
        Path out = LOGS.resolve(name + ".out");
        Path err = LOGS.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(BASEDIR.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        builder.environment().put("SANDLOT_SKIP_INSTALL", "1");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("timed out after 10 minutes: " + String.join(" ", command) + "; see " + err);
        }
        return new Run(process.exitValue(), out, err);
    }
}
