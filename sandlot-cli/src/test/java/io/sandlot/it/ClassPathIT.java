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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandlot on the plain class path, in forked JVMs: without JIT flags the Truffle runtime is {@code Interpreted}, the
 * factory warns once and {@code requireJit(true)} fails; with JVMCI and five jars on the upgrade module path (the
 * Graal compiler and the modules it requires) the JIT is on while everything else stays on the class path.
 */
class ClassPathIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", ".")).toAbsolutePath();
    private static final Path LIB = BASEDIR.resolve("sandlot-cli/target/lib");
    private static final List<String> QUIET = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    @TempDir
    Path tmp;

    @Test
    void info_onThePlainClassPath_runsInterpretedAndWarnsOnce() throws Exception {
        Result result = java(List.of(), "io.sandlot.cli.Main", "info", "--json");

        assertThat(result.exit).as(result.stderr).isEqualTo(0);
        assertThat(result.stdout).contains("\"implementation\":\"Interpreted\"").contains("\"jit\":false");
        assertThat(result.stderr.split("runs interpreted", -1)).as(result.stderr).hasSize(2);
        assertThat(result.stderr).contains("JVMCI is off", "--upgrade-module-path", "Embedding in your service");
    }

    @Test
    void requireJit_onThePlainClassPath_failsAtBuildNamingTheLayout() throws Exception {
        Path program = tmp.resolve("RequireJit.java");
        Files.writeString(program, """
                public class RequireJit {
                    public static void main(String[] args) {
                        io.sandlot.local.SandboxFactory.newBuilder().requireJit(true).build();
                    }
                }
                """);

        Result result = java(List.of(), program.toString());

        assertThat(result.exit).isNotEqualTo(0);
        assertThat(result.stderr).contains("io.sandlot.SandboxException: requireJit(true), but the Graal JIT is off")
                .contains("-XX:+EnableJVMCI", "org.graalvm.compiler:compiler", "org.graalvm.truffle:truffle-compiler");
    }

    @Test
    void info_onTheClassPathWithTheCompilerOnTheUpgradeModulePath_hasTheJit() throws Exception {
        Path jit = Files.createDirectories(tmp.resolve("jit"));
        Files.copy(jar("compiler", "compiler"), jit.resolve("compiler.jar"));
        for (String module : List.of("truffle-compiler", "word", "collections", "nativeimage")) {
            Files.copy(jar("modules", module), jit.resolve(module + ".jar"));
        }

        Result result = java(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + jit), "io.sandlot.cli.Main", "info", "--json");

        assertThat(result.exit).as(result.stderr).isEqualTo(0);
        assertThat(result.stdout).as(result.stderr).contains("\"jit\":true");
        assertThat(result.stderr).doesNotContain("WARNING");
    }

    /** The jar {@code NAME-VERSION.jar} in sandlot-cli/target/lib/{@code dir}. */
    private static Path jar(String dir, String name) throws IOException {
        try (Stream<Path> jars = Files.list(LIB.resolve(dir))) {
            return jars.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + "-*.jar in " + LIB.resolve(dir)));
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    /** Java with {@code options}, then everything, GraalVM included, on the class path. */
    private Result java(List<String> options, String... mainAndArgs) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>();
        classPath.add(BASEDIR.resolve("sandlot-cli/target/sandlot.jar").toString());
        for (String dir : List.of("classpath", "modules")) {
            try (Stream<Path> jars = Files.list(LIB.resolve(dir))) {
                jars.map(Path::toString).sorted().forEach(classPath::add);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(QUIET);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.addAll(List.of(mainAndArgs));
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
