package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** display(value, mimeType?) in both languages, artifacts under /work/out/, and the limits on both. */
class OutputsTest {

    private static final Sandbox FILES = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(1 << 20)
            .build());
    private static final PerLanguage<String> LOOP_OF_DISPLAYS = PerLanguage.of(
            JS, "for (let i = 0; i < 5; i++) { display('line ' + i); }",
            PYTHON, "for i in range(5):\n    display('line ' + str(i))");
    private static final PerLanguage<String> LONG_DISPLAY = PerLanguage.of(
            JS, "display('x'.repeat(3000))", PYTHON, "display('x' * 3000)");
    private static final PerLanguage<String> CATCH_LIMIT = PerLanguage.of(
            JS, "try { display('a'); display('b'); } catch (e) {} 'went on'",
            PYTHON, "try:\n    display('a')\n    display('b')\nexcept Exception:\n    pass\n'went on'");

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_string_addsTextPlainOutput(Language language) {
        ExecutionResult result = SandboxExtension.run(language, "display('hello')");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.outputs()).containsExactly(Output.display(Map.of("text/plain", "hello")));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_object_addsJsonAndItsText(Language language) {
        ExecutionResult result = SandboxExtension.run(language, "display({'a': [1, 2]})");

        assertThat(result.outputs()).singleElement().satisfies(output -> {
            assertThat(output.type()).isEqualTo("display_data");
            assertThat(output.data()).containsExactly(entry("application/json", Map.of("a", List.of(1L, 2L))),
                    entry("text/plain", "{\"a\":[1,2]}"));
        });
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_severalCalls_keepTheirOrder(Language language) {
        ExecutionResult result = SandboxExtension.run(language, LOOP_OF_DISPLAYS.get(language));

        assertThat(result.outputs()).extracting(output -> output.data().get("text/plain"))
                .containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "JS     | text/html     | <b>bold</b> | <text/html, 11 characters>",
        "PYTHON | text/html     | <b>bold</b> | <text/html, 11 characters>",
        "JS     | text/csv      | a,b         | a,b",
        "PYTHON | text/markdown | # Title     | # Title",
        "PYTHON | image/svg+xml | <svg/>      | <image/svg+xml, 6 characters>",
        "JS     | TEXT/HTML     | <i>x</i>    | <text/html, 8 characters>",
    })
    void display_textMimeType_addsThatRepresentationAndText(Language language, String mimeType, String text,
            String plain) {
        ExecutionResult result = SandboxExtension.run(language, "display('" + text + "', '" + mimeType + "')");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.outputs()).singleElement().extracting(Output::data).asInstanceOf(
                MAP)
                .containsExactly(entry(mimeType.toLowerCase(Locale.ROOT), text), entry("text/plain", plain));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_pngAsBase64_addsImageWithItsSize(Language language) {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        ExecutionResult result = SandboxExtension.run(language, "display('" + png + "', 'image/png')");

        assertThat(result.outputs()).singleElement().extracting(Output::data)
                .isEqualTo(Map.of("image/png", png, "text/plain", "<image/png, 4 bytes>"));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_jsonMimeType_keepsTheStructure(Language language) {
        ExecutionResult result = SandboxExtension.run(language, "display([1, 'two'], 'application/json')");

        assertThat(result.outputs()).singleElement().extracting(Output::data)
                .isEqualTo(Map.of("application/json", List.of(1L, "two"), "text/plain", "[1,\"two\"]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "JS     | display('x', 'application/x-shockwave-flash') | display cannot show 'application/x-shockwave-flash'",
        "PYTHON | display([1], 'text/html')                     | needs a string, not a list",
        "JS     | display('not base64!', 'image/png')           | needs the image as a base64 string",
        "PYTHON | display()                                     | takes 1 or 2 arguments, got 0",
        "JS     | display('x', 5)                               | the mime type must be a string",
    })
    void display_badArguments_raiseAGuestErrorThatSaysWhy(Language language, String code, String message) {
        ExecutionResult result = SandboxExtension.run(language, code);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.error().message()).contains(message);
        assertThat(result.outputs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_overMaxOutputs_stopsWithItsStatusAndKeepsWhatFit(Language language) {
        ExecutionResult result = SandboxExtension.run(language, LOOP_OF_DISPLAYS.get(language),
                Limits.newBuilder().maxOutputs(3).build());

        assertThat(result.status()).isEqualTo(Status.OUTPUT_COUNT_LIMIT);
        assertThat(result.error().message()).isEqualTo(Limit.MAX_OUTPUTS.breach(3));
        assertThat(result.outputs()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_limitErrorCaughtByTheGuest_stillStopsIt(Language language) {
        ExecutionResult result = SandboxExtension.run(language, CATCH_LIMIT.get(language),
                Limits.newBuilder().maxOutputs(1).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OUTPUT_COUNT_LIMIT);
        assertThat(result.outputs()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void display_overMaxArtifactBytes_stopsWithItsStatus(Language language) {
        ExecutionResult result = SandboxExtension.run(language, LONG_DISPLAY.get(language),
                Limits.newBuilder().maxArtifactBytes(2048).build());

        assertThat(result.status()).isEqualTo(Status.ARTIFACT_LIMIT);
        assertThat(result.error().message()).isEqualTo(Limit.MAX_ARTIFACT_BYTES.breach(2048));
        assertThat(result.outputs()).isEmpty();
    }

    @Test
    void artifacts_fileWrittenUnderOut_isListedWithTypeSizeAndContent() {
        ExecutionResult result = FILES.execute(PYTHON, """
                import os
                os.makedirs('out/plots', exist_ok=True)
                with open('out/table.csv', 'w') as f:
                    f.write('a,b\\n1,2\\n')
                with open('out/plots/p.svg', 'w') as f:
                    f.write('<svg/>')
                with open('not-out.txt', 'w') as f:
                    f.write('stays')
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.artifacts()).extracting(Artifact::name, Artifact::mimeType, Artifact::size)
                .containsExactly(tuple("plots/p.svg", "image/svg+xml", 6L),
                        tuple("table.csv", "text/csv", 8L));
        assertThat(new String(result.artifacts().get(1).content().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("a,b\n1,2\n");
    }

    @Test
    void artifacts_inSession_onlyTheFilesThisExecutionWroteOrChanged() {
        try (Session session = FILES.openSession(PYTHON)) {
            session.execute("import os\nos.makedirs('out', exist_ok=True)\nopen('out/a.txt', 'w').write('a')\n"
                    + "open('out/b.txt', 'w').write('b')");

            ExecutionResult second = session.execute("open('out/b.txt', 'w').write('bb')\n"
                    + "open('out/c.txt', 'w').write('c')");

            assertThat(second.artifacts()).extracting(Artifact::name).containsExactly("b.txt", "c.txt");
            assertThat(second.artifacts().get(0).size()).isEqualTo(2);
        }
    }

    @Test
    void artifacts_overMaxOutputs_stopWithOutputLimitAndKeepWhatFit() {
        Sandbox twoOutputs = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
                .virtualFileSystem(1 << 20)
                .limits(Limits.newBuilder().maxOutputs(2).build())
                .build());

        ExecutionResult result = twoOutputs.execute(PYTHON, """
                import os
                os.makedirs('out', exist_ok=True)
                for name in 'abc':
                    open('out/' + name, 'w').write(name)
                """);

        assertThat(result.status()).isEqualTo(Status.OUTPUT_COUNT_LIMIT);
        assertThat(result.error().message()).isEqualTo(Limit.MAX_OUTPUTS.breach(2));
        assertThat(result.artifacts()).extracting(Artifact::name).containsExactly("a", "b");
    }

    @Test
    void artifacts_guestError_stillListsWhatWasWritten() {
        ExecutionResult result = FILES.execute(PYTHON, """
                import os
                os.makedirs('out', exist_ok=True)
                open('out/partial.json', 'w').write('[]')
                1 / 0
                """);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.artifacts()).extracting(Artifact::name, Artifact::mimeType)
                .containsExactly(tuple("partial.json", "application/json"));
    }
}
