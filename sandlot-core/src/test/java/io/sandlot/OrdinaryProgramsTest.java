package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary programs, CPU-bound and data work, finish under the default limits (those of the CLI and the server)
 * and print exactly what CPython and node print. The expected output of each was recorded with CPython 3.11 and
 * node 20 (both print the same), e.g. {@code python3 nbody.py 100000 > expected/nbody-100000.txt}.
 */
class OrdinaryProgramsTest {

    /** The benchmarks' programs, in the repository root's benchmarks/ (the tests run in this module's directory). */
    private static final Path BENCHMARK_PROGRAMS = repositoryRoot().resolve("benchmarks/src/main/resources/programs");
    private static final Path PROGRAMS = Path.of("src/test/resources/programs");

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of(Language.PYTHON, BENCHMARK_PROGRAMS.resolve("nbody.py"), 100_000, "nbody-100000.txt"),
                Arguments.of(Language.JS, BENCHMARK_PROGRAMS.resolve("nbody.js"), 100_000, "nbody-100000.txt"),
                Arguments.of(Language.PYTHON, BENCHMARK_PROGRAMS.resolve("fannkuch.py"), 9, "fannkuch-9.txt"),
                Arguments.of(Language.JS, BENCHMARK_PROGRAMS.resolve("fannkuch.js"), 9, "fannkuch-9.txt"),
                Arguments.of(Language.PYTHON, PROGRAMS.resolve("csv-stats.py"), null, "csv-stats.py.txt"),
                Arguments.of(Language.JS, PROGRAMS.resolve("csv-stats.js"), null, "csv-stats.js.txt"),
                Arguments.of(Language.JS, PROGRAMS.resolve("console.js"), null, "console.js.txt"),
                Arguments.of(Language.JS, PROGRAMS.resolve("web-globals.js"), null, "web-globals.js.txt"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void execute_underDefaultLimits_printsWhatCPythonAndNodePrint(Language language, Path program, Integer size,
            String expected) throws IOException {
        Map<String, Object> inputs = size == null ? Map.of() : Map.of("size", size);

        ExecutionResult result = SandboxExtension.FACTORY.newSandbox()
                .execute(language, Files.readString(program), inputs);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo(Files.readString(PROGRAMS.resolve("expected").resolve(expected)));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("benchmarks/src/main/resources/programs"))) {
                return dir;
            }
        }
        throw new AssertionError("no benchmarks/ in or above " + Path.of("").toAbsolutePath());
    }
}
