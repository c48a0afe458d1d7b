package io.sandlot.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemoryFileSystemTest {

    private static final long QUOTA = 1 << 20;
    private static final byte[] CSV =
            "name,qty\napple,3\npear,5\n".getBytes(StandardCharsets.UTF_8);
    private static final Set<StandardOpenOption> CREATE_WRITE =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    private static final ByteArrayOutputStream engineOutput = new ByteArrayOutputStream();
    private static Engine engine;

    private final List<String> denied = new CopyOnWriteArrayList<>();
    private MemoryFileSystem fs;

    @BeforeAll
    static void createEngine() {
        engine = Engine.newBuilder("js", "python")
                .option("engine.WarnInterpreterOnly", "false")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(engineOutput)
                .err(engineOutput)
                .build();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @AfterEach
    void closeFileSystem() throws IOException {
        if (fs != null) {
            fs.close();
        }
    }

    private MemoryFileSystem newFs(long quota, boolean writable) {
        fs = new MemoryFileSystem("/work", quota, writable, denied::add);
        return fs;
    }

    private MemoryFileSystem newFs() {
        return newFs(QUOTA, true);
    }

    private static Context context(FileSystem guestFs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Context.newBuilder("js", "python")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(out)
                .err(out)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowIO(IOAccess.newBuilder().fileSystem(guestFs).build())
                .currentWorkingDirectory(Path.of("/work"))
                .build();
    }

    /** Runs Python {@code code} on {@code memFs.guestFileSystem()}; returns {@code str(result)}. */
    private static String python(MemoryFileSystem memFs, String code) {
        return python(memFs.guestFileSystem(), code);
    }

    private static String python(FileSystem guestFs, String code) {
        try (Context context = context(guestFs)) {
            context.eval("python", code);
            return resultOf(context);
        }
    }

    private static String resultOf(Context context) {
        Value result = context.getBindings("python").getMember("result");
        return result.isString() ? result.asString() : result.toString();
    }

    private static String errorOf(String pythonStatement) {
        return String.join("\n",
                "try:",
                "    " + pythonStatement,
                "    result = 'no error'",
                "except OSError as e:",
                "    result = type(e).__name__ + ' ' + str(e.errno)");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------
    // Construction

    @Test
    void constructor_relativeWorkingDirectory_throwsIllegalArgument() {
        assertThatThrownBy(() -> new MemoryFileSystem("work", QUOTA, true, d -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void constructor_nonPositiveQuota_throwsIllegalArgument() {
        assertThatThrownBy(() -> new MemoryFileSystem("/work", 0, true, d -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quota");
    }

    @Test
    void constructor_always_createsWorkingAndTempDirectories() throws IOException {
        newFs();

        assertThat(fs.readAttributes(Path.of("/work"), "isDirectory"))
                .containsEntry("isDirectory", true);
        assertThat(fs.readAttributes(fs.getTempDirectory(), "isDirectory"))
                .containsEntry("isDirectory", true);
    }

    // ------------------------------------------------------------------------------------------
    // Host-side API

    @Test
    void writeFile_relativePath_storesUnderWorkingDirectory() throws IOException {
        newFs().writeFile("a.txt", bytes("hello"));

        assertThat(text(fs.readFile("/work/a.txt"))).isEqualTo("hello");
    }

    @Test
    void writeFile_nestedPath_createsParentDirectories() throws IOException {
        newFs().writeFile("in/deep/a.txt", bytes("x"));

        assertThat(fs.list()).containsExactly(new FileEntry("/work/in/deep/a.txt", 1));
    }

    @Test
    void writeFile_existingFile_replacesContents() throws IOException {
        newFs().writeFile("a.txt", bytes("first version"));

        fs.writeFile("a.txt", bytes("second"));

        assertThat(text(fs.readFile("a.txt"))).isEqualTo("second");
    }

    @Test
    void writeFile_dotDotInsideTree_isAccepted() throws IOException {
        newFs().writeFile("../shared/a.txt", bytes("x"));

        assertThat(fs.list()).containsExactly(new FileEntry("/shared/a.txt", 1));
    }

    @Test
    void writeFile_emptyPath_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void writeFile_nulByte_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("a\0b.txt", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void writeFile_relativeDotDotLeavingTree_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("../../etc/passwd", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escapes");
    }

    @Test
    void writeFile_absoluteDotDotLeavingTree_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("/work/../../x.txt", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escapes");
    }

    @Test
    void writeFile_root_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("/", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root");
    }

    @Test
    void writeFile_nameLongerThan255_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("x".repeat(256), bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 255");
    }

    @Test
    void writeFile_directory_throwsIsADirectory() {
        newFs();

        assertThatThrownBy(() -> fs.writeFile("/tmp", bytes("x")))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Is a directory");
    }

    @Test
    void writeFile_beyondQuota_throwsNoSpaceAndCreatesNoFile() {
        newFs(8192, true);

        assertThatThrownBy(() -> fs.writeFile("big.bin", new byte[8193]))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(MemoryFileSystem.NO_SPACE);
        assertThat(fs.list()).isEmpty();
        assertThat(fs.usedBytes()).isZero();
    }

    @Test
    void writeFile_afterDeleteFreedQuota_succeeds() throws IOException {
        newFs(8192, true).writeFile("a.bin", new byte[8192]);
        fs.deleteFile("a.bin");

        fs.writeFile("b.bin", new byte[8192]);

        assertThat(fs.list()).containsExactly(new FileEntry("/work/b.bin", 8192));
    }

    @Test
    void writeFile_beyondEntryLimit_throwsNoSpace() {
        newFs(4096, true); // one block of quota: the minimum of 1024 files and directories

        assertThatThrownBy(() -> {
                    for (int i = 0; i < 2000; i++) {
                        fs.writeFile("f" + i, new byte[0]);
                    }
                })
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(MemoryFileSystem.NO_SPACE);
        assertThat(fs.list()).hasSizeBetween(1000, 1024);
    }

    @Test
    void writeFile_readOnlyTree_succeeds() throws IOException {
        newFs(QUOTA, false).writeFile("a.txt", bytes("x"));

        assertThat(text(fs.readFile("a.txt"))).isEqualTo("x");
        assertThat(denied).isEmpty();
    }

    @Test
    void readFile_missingFile_throwsNoSuchFile() {
        newFs();

        assertThatThrownBy(() -> fs.readFile("missing.txt"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readFile_dotDotLeavingTree_throwsIllegalArgument() {
        newFs();

        assertThatThrownBy(() -> fs.readFile("../../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escapes");
    }

    @Test
    void list_newTree_isEmpty() {
        assertThat(newFs().list()).isEmpty();
    }

    @Test
    void list_filesInSeveralDirectories_returnsRegularFilesSortedWithSizes() throws IOException {
        newFs().writeFile("b.txt", bytes("bb"));
        fs.writeFile("/tmp/z.txt", bytes("z"));
        fs.writeFile("a/c.txt", bytes("ccc"));

        assertThat(fs.list()).containsExactly(
                new FileEntry("/tmp/z.txt", 1),
                new FileEntry("/work/a/c.txt", 3),
                new FileEntry("/work/b.txt", 2));
    }

    @Test
    void deleteFile_existingFile_returnsTrueAndRemovesIt() throws IOException {
        newFs().writeFile("a.txt", bytes("x"));

        assertThat(fs.deleteFile("a.txt")).isTrue();
        assertThat(fs.list()).isEmpty();
    }

    @Test
    void deleteFile_missingFile_returnsFalse() throws IOException {
        assertThat(newFs().deleteFile("missing.txt")).isFalse();
    }

    @Test
    void deleteFile_directory_throwsIsADirectory() {
        newFs();

        assertThatThrownBy(() -> fs.deleteFile("/tmp"))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Is a directory");
    }

    @Test
    void writeFile_concurrentWriters_storesEveryFile() throws Exception {
        newFs();
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        fs.writeFile("t" + thread + "/f" + i, new byte[100]);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(failures).isEmpty();
        assertThat(fs.list()).hasSize(200);
        assertThat(fs.usedBytes()).isEqualTo(200L * MemoryFileSystem.BLOCK_SIZE);
    }

    @Test
    void usedBytes_smallFile_countsOneWholeBlock() throws IOException {
        newFs().writeFile("a.txt", bytes("x"));

        assertThat(fs.usedBytes()).isEqualTo(MemoryFileSystem.BLOCK_SIZE);
    }

    @Test
    void close_thenHostCall_fails() throws IOException {
        newFs().close();

        assertThatThrownBy(() -> fs.readFile("a.txt")).isInstanceOf(RuntimeException.class);
    }

    // ------------------------------------------------------------------------------------------
    // Polyglot FileSystem methods, called directly

    @Test
    void parsePath_fileUri_returnsPath() {
        assertThat(newFs().parsePath(URI.create("file:///work/a.txt")))
                .isEqualTo(Path.of("/work/a.txt"));
    }

    @Test
    void parsePath_otherScheme_throwsUnsupported() {
        newFs();

        assertThatThrownBy(() -> fs.parsePath(URI.create("http://example.com/a")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toAbsolutePath_relativePath_resolvesAgainstCurrentDirectory() {
        newFs().setCurrentWorkingDirectory(Path.of("/tmp"));

        assertThat(fs.toAbsolutePath(Path.of("a.txt"))).isEqualTo(Path.of("/tmp/a.txt"));
    }

    @Test
    void newByteChannel_dotDotPastRoot_staysInTree() throws IOException {
        newFs();

        try (SeekableByteChannel channel =
                fs.newByteChannel(Path.of("../../../../escaped.txt"), CREATE_WRITE)) {
            channel.write(ByteBuffer.wrap(bytes("x")));
        }

        assertThat(fs.list()).containsExactly(new FileEntry("/escaped.txt", 1));
    }

    @Test
    void newByteChannel_hostOnlyFile_throwsNoSuchFile() {
        newFs();

        assertThatThrownBy(() ->
                        fs.newByteChannel(Path.of("/etc/passwd"), Set.of(StandardOpenOption.READ)))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void newByteChannel_writeBeyondQuota_throwsNoSpace() throws IOException {
        newFs(8192, true);

        try (SeekableByteChannel channel = fs.newByteChannel(Path.of("big.bin"), CREATE_WRITE)) {
            assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(8193)))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageContaining(MemoryFileSystem.NO_SPACE);
        }
    }

    @Test
    void newByteChannel_writeInReadOnlyTree_throwsAccessDeniedAndReportsIt() {
        newFs(QUOTA, false);

        assertThatThrownBy(() -> fs.newByteChannel(Path.of("a.txt"), CREATE_WRITE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(denied).containsExactly("write /work/a.txt");
    }

    @Test
    void createDirectory_readOnlyTree_throwsAccessDeniedAndReportsIt() {
        newFs(QUOTA, false);

        assertThatThrownBy(() -> fs.createDirectory(Path.of("/work/d")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(denied).containsExactly("mkdir /work/d");
    }

    @Test
    void checkAccess_writeProbeOnReadOnlyTree_throwsAccessDeniedWithoutReporting()
            throws IOException {
        newFs(QUOTA, false).writeFile("a.txt", bytes("x"));

        assertThatThrownBy(() -> fs.checkAccess(Path.of("/work/a.txt"), Set.of(AccessMode.WRITE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(denied).isEmpty();
    }

    @Test
    void readAttributes_unixView_returnsModeWithFileTypeAndPolyglotTypes() throws IOException {
        newFs().writeFile("a.txt", bytes("abc"));

        Map<String, Object> attrs = fs.readAttributes(
                Path.of("/work/a.txt"),
                "unix:ctime,dev,ino,nlink,lastAccessTime,lastModifiedTime,gid,size,mode,uid");

        assertThat(attrs)
                .containsEntry("mode", 0100644)
                .containsEntry("size", 3L)
                .containsEntry("nlink", 1);
        assertThat(attrs.get("ino")).isInstanceOf(Long.class);
        assertThat(attrs.get("dev")).isInstanceOf(Long.class);
        assertThat(attrs.get("uid")).isInstanceOf(Integer.class);
        assertThat(attrs.get("gid")).isInstanceOf(Integer.class);
        assertThat(attrs.get("ctime")).isInstanceOf(FileTime.class);
    }

    @Test
    void readAttributes_unknownView_throwsUnsupported() {
        newFs();

        assertThatThrownBy(() -> fs.readAttributes(Path.of("/work"), "dos:*"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------------------------------
    // GraalPy guest

    @Test
    void python_open_readsUploadedCsv() throws IOException {
        newFs().writeFile("data.csv", CSV);

        String result = python(fs, "result = open('data.csv').read()");

        assertThat(result).isEqualTo(text(CSV));
    }

    @Test
    void python_csvModule_parsesUploadedCsv() throws IOException {
        newFs().writeFile("data.csv", CSV);

        String result = python(fs, String.join("\n",
                "import csv",
                "with open('data.csv', newline='') as f:",
                "    result = sum(int(row['qty']) for row in csv.DictReader(f))"));

        assertThat(result).isEqualTo("8");
    }

    @Test
    void python_writtenFile_isReadableByHost() throws IOException {
        newFs();

        python(fs, String.join("\n",
                "with open('out.txt', 'w') as f:",
                "    f.write('from the guest')",
                "result = None"));

        assertThat(text(fs.readFile("out.txt"))).isEqualTo("from the guest");
    }

    @Test
    void python_getcwd_returnsWorkingDirectory() {
        assertThat(python(newFs(), "import os\nresult = os.getcwd()")).isEqualTo("/work");
    }

    @Test
    void python_listdir_listsUploadedFiles() throws IOException {
        newFs().writeFile("b.txt", bytes("b"));
        fs.writeFile("a.txt", bytes("a"));

        assertThat(python(fs, "import os\nresult = sorted(os.listdir('.'))"))
                .isEqualTo("['a.txt', 'b.txt']");
    }

    @Test
    void python_stat_reportsRegularFileAndSize() throws IOException {
        newFs().writeFile("data.csv", CSV);

        String result = python(fs, String.join("\n",
                "import os, stat",
                "st = os.stat('data.csv')",
                "result = (stat.S_ISREG(st.st_mode), st.st_size)"));

        assertThat(result).isEqualTo("(True, " + CSV.length + ")");
    }

    @Test
    void python_makedirs_createsNestedDirectories() {
        newFs();

        String result = python(fs, String.join("\n",
                "import os",
                "os.makedirs('a/b/c')",
                "with open('a/b/c/f.txt', 'w') as f:",
                "    f.write('x')",
                "result = os.path.isdir('a/b')"));

        assertThat(result).isEqualTo("True");
        assertThat(fs.list()).containsExactly(new FileEntry("/work/a/b/c/f.txt", 1));
    }

    @Test
    void python_remove_deletesUploadedFile() throws IOException {
        newFs().writeFile("data.csv", CSV);

        python(fs, "import os\nos.remove('data.csv')\nresult = None");

        assertThat(fs.list()).isEmpty();
    }

    @Test
    void python_rename_movesFile() throws IOException {
        newFs().writeFile("data.csv", CSV);

        python(fs, "import os\nos.rename('data.csv', 'renamed.csv')\nresult = None");

        assertThat(fs.list()).containsExactly(new FileEntry("/work/renamed.csv", CSV.length));
    }

    @Test
    void python_renameThroughPlainLanguageHomeComposite_failsWithEio() throws IOException {
        // Canary: if this starts failing, polyglot's composite forwards move() and
        // guestFileSystem() no longer needs to route it.
        newFs().writeFile("data.csv", CSV);

        String result = python(
                FileSystem.allowLanguageHomeAccess(fs),
                errorOf("__import__('os').rename('data.csv', 'x.csv')"));

        assertThat(result).isEqualTo("OSError 5");
    }

    @Test
    void python_plainLanguageHomeComposite_readsUploadedFile() throws IOException {
        newFs().writeFile("data.csv", CSV);

        String result = python(
                FileSystem.allowLanguageHomeAccess(fs), "result = open('data.csv').read()");

        assertThat(result).isEqualTo(text(CSV));
    }

    @Test
    void python_openDirectory_raisesIsADirectoryError() {
        assertThat(python(newFs(), errorOf("open('/work')"))).isEqualTo("IsADirectoryError 21");
    }

    @Test
    void python_shutilRmtree_removesDirectoryTree() throws IOException {
        newFs().writeFile("d/e/f.txt", bytes("x"));

        String result =
                python(fs, "import os, shutil\nshutil.rmtree('d')\nresult = os.listdir('.')");

        assertThat(result).isEqualTo("[]");
    }

    @Test
    void python_openEtcPasswd_raisesFileNotFoundError() {
        assertThat(python(newFs(), errorOf("open('/etc/passwd').read()")))
                .isEqualTo("FileNotFoundError 2");
    }

    @Test
    void python_openDotDotEtcHostname_raisesFileNotFoundError() {
        assertThat(python(newFs(), errorOf("open('../../etc/hostname').read()")))
                .isEqualTo("FileNotFoundError 2");
    }

    @Test
    void python_writeEtcPasswd_failsAndLeavesHostFileUnchanged() throws IOException {
        Path hostPasswd = Path.of("/etc/passwd");
        byte[] before = Files.readAllBytes(hostPasswd);
        FileTime modifiedBefore = Files.getLastModifiedTime(hostPasswd);

        String result =
                python(newFs(), errorOf("open('/etc/passwd', 'w').write('root::0:0::/:/bin/sh')"));

        assertThat(result).isEqualTo("FileNotFoundError 2");
        assertThat(Files.readAllBytes(hostPasswd)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(hostPasswd)).isEqualTo(modifiedBefore);
    }

    @Test
    void python_writeTmpFile_staysInTreeAndNeverReachesHost() throws IOException {
        String name = "/tmp/sandlot-probe-" + UUID.randomUUID();

        python(newFs(), "with open('" + name + "', 'w') as f:\n    f.write('x')\nresult = None");

        assertThat(text(fs.readFile(name))).isEqualTo("x");
        assertThat(Files.exists(Path.of(name))).isFalse();
    }

    @Test
    void python_writeInReadOnlyTree_raisesPermissionErrorAndReportsDenial() {
        newFs(QUOTA, false);

        String result = python(fs, errorOf("open('x.txt', 'w')"));

        assertThat(result).isEqualTo("PermissionError 13");
        assertThat(denied).containsExactly("write /work/x.txt");
    }

    @Test
    void python_exceedingQuota_raisesOSErrorEnospcAndContextSurvives() {
        newFs(64 * 1024, true);

        try (Context context = context(fs.guestFileSystem())) {
            context.eval("python", errorOf(String.join("\n    ",
                    "with open('big.bin', 'wb') as f:",
                    "    for _ in range(100): f.write(b'x' * 10000)")));
            String error = resultOf(context);
            context.eval("python", "import os\nos.remove('big.bin')\nresult = 'alive'");
            String after = resultOf(context);

            assertThat(error).isEqualTo("OSError 28");
            assertThat(after).isEqualTo("alive");
        }
        assertThat(fs.usedBytes()).isZero();
    }

    @Test
    void python_stdlibImports_work() {
        String result = python(newFs(), String.join("\n",
                "import json, csv, re, collections",
                "result = json.dumps(collections.Counter(re.findall('a', 'banana')))"));

        assertThat(result).isEqualTo("{\"a\": 3}");
    }

    // ------------------------------------------------------------------------------------------
    // GraalJS guest

    @Test
    void js_loadEtcPasswd_fails() {
        newFs();

        try (Context context = context(fs.guestFileSystem())) {
            String result = context.eval("js", String.join("\n",
                    "try { load('/etc/passwd'); 'loaded' }",
                    "catch (e) { e.name + ': ' + e.message }")).asString();

            assertThat(result).startsWith("TypeError: Cannot load script: /etc/passwd");
        }
    }

    @Test
    void js_loadUploadedScript_runsIt() throws IOException {
        newFs().writeFile("lib.js", bytes("var answer = 6 * 7;"));

        try (Context context = context(fs.guestFileSystem())) {
            assertThat(context.eval("js", "load('lib.js'); answer").asInt()).isEqualTo(42);
        }
    }
}
