package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.Language.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stateless request's files: in its working directory when it starts, gone when it ends, checked before. */
class RequestFilesTest {

    private static final Sandbox FILES = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(64 << 10).build());
    private static final byte[] SALES = "region,amount\nnorth,10\nsouth,5\nnorth,2.5\n"
            .getBytes(StandardCharsets.UTF_8);

    private static ExecutionRequest.Builder withSales(Language language, String code) {
        return ExecutionRequest.newBuilder(language, code).file("data/sales.csv", SALES);
    }

    @Test
    void python_readsTheFilesFromItsWorkingDirectory() {
        ExecutionResult result = FILES.execute(withSales(PYTHON, """
                import csv, collections, os
                totals = collections.Counter()
                with open('data/sales.csv', newline='') as f:
                    for row in csv.DictReader(f):
                        totals[row['region']] += float(row['amount'])
                [os.getcwd(), sorted(os.listdir('data')), dict(totals)]
                """).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.value()).isEqualTo(List.of("/work", List.of("sales.csv"),
                Map.of("north", 12.5, "south", 5.0)));
    }

    @Test
    void js_readsTheFilesWithFs() {
        ExecutionResult result = FILES.execute(withSales(JS, """
                const fs = require('fs');
                fs.readFileSync('/work/data/sales.csv', 'utf8').trim().split('\\n').length
                """).build());

        assertThat(result.value()).as(result.toJson()).isEqualTo(4L);
    }

    @Test
    void sql_readsACsvFileAsATable() {
        ExecutionResult result = FILES.execute(withSales(SQL,
                "SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region").build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.valueJson()).contains("\"rows\":[[\"north\",12.5],[\"south\",5.0]],\"rowCount\":2");
    }

    @Test
    void oneExpression_seesTheFilesToo() {
        ExecutionResult result = FILES.execute(ExecutionRequest.newBuilder(PYTHON, "open('a.txt').read().upper()")
                .file("a.txt", "abc".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(result.value()).as(result.toJson()).isEqualTo("ABC");
    }

    @Test
    void artifacts_areWhatTheGuestWroteOrChanged_notTheFilesItWasGiven() {
        ExecutionResult result = FILES.execute(ExecutionRequest.newBuilder(PYTHON, """
                with open('out/changed.txt', 'a') as f:
                    f.write(' and more')
                with open('out/new.txt', 'w') as f:
                    f.write('new')
                """).file("out/kept.txt", "kept".getBytes(StandardCharsets.UTF_8))
                .file("out/changed.txt", "given".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.artifacts()).extracting(Artifact::name, Artifact::size)
                .containsExactly(tuple("changed.txt", 14L), tuple("new.txt", 3L));
    }

    @Test
    void files_areGoneForTheNextExecution() {
        assertThat(FILES.execute(withSales(PYTHON, "import os\nos.path.exists('data/sales.csv')").build()).value())
                .isEqualTo(true);

        ExecutionResult next = FILES.execute(PYTHON, "import os\nos.listdir('.')");

        assertThat(next.value()).as(next.toJson()).isEqualTo(List.of());
    }

    @Test
    void files_withoutAWritableFileSystem_areRefusedBeforeAnythingRuns() {
        Sandbox noFiles = SandboxExtension.FACTORY.newSandbox(Policy.DEFAULT);

        assertThatThrownBy(() -> noFiles.execute(withSales(PYTHON, "1").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("files need a writable working directory");
    }

    @Test
    void files_overTheQuota_areRefusedWithTheirSize() {
        ExecutionRequest request = ExecutionRequest.newBuilder(PYTHON, "1").file("big.bin", new byte[40 << 10])
                .file("big2.bin", new byte[30 << 10]).build();

        assertThatThrownBy(() -> FILES.execute(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 file(s) are 71680 bytes")
                .hasMessageContaining("quota of 65536 bytes");
    }

    @Test
    void aFileThatIsAlsoAFolder_isRefused() {
        ExecutionRequest request = ExecutionRequest.newBuilder(PYTHON, "1").file("data", SALES)
                .file("data/sales.csv", SALES).build();

        assertThatThrownBy(() -> FILES.execute(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file 'data' cannot also be the folder of 'data/sales.csv'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/", "/work", "/work/", "a\0b"})
    void aPathOutsideTheWorkingDirectory_isRefusedByTheBuilder(String path) {
        assertThatThrownBy(() -> ExecutionRequest.newBuilder(PYTHON, "1").file(path, SALES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a file's path");
    }

    @Test
    void aPathUnderWork_isTakenRelativeToIt_andTheContentIsCopied() {
        byte[] content = "v1".getBytes(StandardCharsets.UTF_8);
        ExecutionRequest request = ExecutionRequest.newBuilder(PYTHON, "open('/work/a/b.txt').read()")
                .file("/work/a/b.txt", content).build();
        content[1] = '2';

        assertThat(request.files()).containsOnlyKeys("a/b.txt");
        assertThat(FILES.execute(request).value()).isEqualTo("v1");
    }
}
