package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary programs print exactly what CPython and node print for them (src/test/resources/compat, see its
 * README): agents' kind of data work, each run as a stateless execution with a writable working directory, as the
 * server and the CLI run it.
 */
class CompatCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/compat");
    private static final Sandbox FILES = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(16L << 20).build());

    static Stream<Arguments> programs() throws IOException {
        Set<String> uncaught = Set.copyOf(Files.readAllLines(CORPUS.resolve("js/uncaught-errors.txt")).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).toList());
        return Stream.of(Language.PYTHON, Language.JS).flatMap(language -> {
            String folder = language == Language.PYTHON ? "python" : "js";
            String extension = language == Language.PYTHON ? ".py" : ".js";
            try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
                List<Path> programs = files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
                return programs.stream().map(program -> Arguments.of(language, program.getFileName().toString(),
                        uncaught.contains(program.getFileName().toString()) ? Status.ERROR : Status.OK));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void program_printsWhatTheReferenceInterpreterPrints(Language language, String name, Status expected)
            throws IOException {
        Path folder = CORPUS.resolve(language == Language.PYTHON ? "python" : "js");
        String code = Files.readString(folder.resolve(name));
        String reference = Files.readString(folder.resolve(name.replaceAll("\\.(py|js)$", ".out")));

        ExecutionResult result = FILES.execute(language, code);

        assertThat(result.status()).as(result.toJson()).isEqualTo(expected);
        assertThat(result.stdout()).as("stdout of %s", name).isEqualTo(reference);
    }
}
