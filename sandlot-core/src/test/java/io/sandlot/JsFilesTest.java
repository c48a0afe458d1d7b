package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * node's {@code fs} over the guest's own tree: a session's uploaded files are read as node reads them, what the
 * guest writes comes back to the host, and the file system's refusals are node's errors. Expected values are node
 * 20's (the same programs run with {@code node} in an empty directory).
 */
class JsFilesTest {

    private static final Sandbox WRITABLE = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(1 << 20)
            .build());

    @Test
    void session_readsAnUploadedCsv_andWritesWhatTheHostReadsBack() {
        try (Session session = WRITABLE.openSession(JS)) {
            session.writeFile("data/sales.csv",
                    "region,amount\nnorth,10\nsouth,5\nnorth,2.5\n".getBytes(StandardCharsets.UTF_8));

            ExecutionResult result = session.execute("""
                    const fs = require('fs');
                    const [header, ...rows] = fs.readFileSync('data/sales.csv', 'utf8').trim().split('\\n');
                    const totals = {};
                    for (const row of rows) {
                      const [region, amount] = row.split(',');
                      totals[region] = (totals[region] ?? 0) + Number(amount);
                    }
                    fs.mkdirSync('out', { recursive: true });
                    fs.writeFileSync('out/totals.json', JSON.stringify(totals));
                    console.log(header, fs.readdirSync('data'), fs.statSync('data/sales.csv').size);
                    """);

            assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
            assertThat(result.stdout()).isEqualTo("region,amount [ 'sales.csv' ] 41\n");
            assertThat(result.artifacts()).extracting(Artifact::name).containsExactly("totals.json");
            assertThat(new String(session.readFile("out/totals.json").orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"north\":12.5,\"south\":5}");
        }
    }

    @Test
    void refusals_areNodesErrors() {
        ExecutionResult result = WRITABLE.execute(JS, """
                const fs = require('fs');
                const error = (f) => {
                  try {
                    f();
                    return null;
                  } catch (e) {
                    return [e.message, e.code, e.errno ?? null, e.syscall ?? null];
                  }
                };
                fs.mkdirSync('d');
                fs.writeFileSync('d/f.txt', 'x');
                [
                  error(() => fs.readFileSync('missing.csv', 'utf8')),
                  error(() => fs.readFileSync('d')),
                  error(() => fs.mkdirSync('d')),
                  error(() => fs.rmdirSync('d')),
                  error(() => fs.rmSync('d')),
                  error(() => fs.readdirSync('d/f.txt')),
                  error(() => fs.renameSync('a', 'b')),
                  error(() => fs.writeFileSync('x', 1)),
                  error(() => fs.readFileSync('x', 'bogus')),
                  fs.statSync('missing', { throwIfNoEntry: false }) ?? null,
                ]
                """, Map.of());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.value()).isEqualTo(Arrays.asList(
                List.of("ENOENT: no such file or directory, open 'missing.csv'", "ENOENT", -2L, "open"),
                List.of("EISDIR: illegal operation on a directory, read", "EISDIR", -21L, "read"),
                List.of("EEXIST: file already exists, mkdir 'd'", "EEXIST", -17L, "mkdir"),
                List.of("ENOTEMPTY: directory not empty, rmdir 'd'", "ENOTEMPTY", -39L, "rmdir"),
                List.of("Path is a directory: rm returned EISDIR (is a directory) d", "ERR_FS_EISDIR", 21L, "rm"),
                List.of("ENOTDIR: not a directory, scandir 'd/f.txt'", "ENOTDIR", -20L, "scandir"),
                List.of("ENOENT: no such file or directory, rename 'a' -> 'b'", "ENOENT", -2L, "rename"),
                Arrays.asList("The \"data\" argument must be of type string or an instance of Buffer, TypedArray, "
                        + "or DataView. Received type number (1)", "ERR_INVALID_ARG_TYPE", null, null),
                Arrays.asList("The argument 'encoding' is invalid encoding. Received 'bogus'", "ERR_INVALID_ARG_VALUE",
                        null, null),
                null));
    }

    @Test
    void bytes_roundTripUnchanged_andTextIsUtf8() {
        ExecutionResult result = WRITABLE.execute(JS, """
                const fs = require('fs');
                const all = new Uint8Array(256).map((_, i) => i);
                fs.writeFileSync('all.bin', all);
                fs.writeFileSync('text.txt', 'żółw €');
                fs.appendFileSync('text.txt', '!');
                const back = fs.readFileSync('all.bin');
                [back.length, Array.from(back).every((b, i) => b === i), fs.readFileSync('text.txt', 'utf8'),
                 fs.statSync('text.txt').size, fs.readFileSync('text.txt').length]
                """, Map.of());

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(256L, true, "żółw €!", 12L, 12L));
    }

    @Test
    void withoutAWritablePolicy_filesAreReadOnly_andTheWriteIsDenied() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const fs = require('node:fs');
                console.log(fs.readdirSync('.'));
                fs.writeFileSync('x.txt', 'y');
                """);

        assertThat(result.stdout()).isEqualTo("[]\n");
        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.DENIED);
        assertThat(result.error().message()).isEqualTo("EROFS: read-only file system, open 'x.txt'");
    }

    @Test
    void promisesAndCallbacks_doTheSameWork() {
        ExecutionResult result = WRITABLE.execute(JS, """
                const fs = require('fs');
                const fsp = require('fs/promises');
                const seen = [];
                (async () => {
                  await fsp.writeFile('a.txt', 'one');
                  seen.push(await fsp.readFile('a.txt', 'utf8'));
                  await fsp.readFile('missing').catch((e) => seen.push(e.code));
                  fs.readFile('a.txt', 'utf8', (error, text) => seen.push([error, text]));
                  fs.stat('missing', (error) => seen.push(error.syscall));
                })();
                setTimeout(() => console.log(JSON.stringify(seen)), 10);
                """, Map.of());

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("[\"one\",\"ENOENT\",[null,\"one\"],\"stat\"]\n");
    }
}
