package io.sandlot.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdlibMountTest {

    private static final Path ZONES = Path.of("/usr/share/zoneinfo");
    private static final Path CACHE = Path.of("/var/cache/graalpy");

    @TempDir
    Path host;

    private MemoryFileSystem tree;
    private Path zones;
    private Path cache;

    @BeforeEach
    void createHostDirectories() throws IOException {
        tree = new MemoryFileSystem("/work", 1 << 20, true, denied -> { });
        zones = Files.createDirectories(host.resolve("zoneinfo"));
        Files.writeString(Files.createDirectories(zones.resolve("Europe")).resolve("Berlin"), "TZif");
        Files.writeString(host.resolve("secret"), "host only");
        Files.createSymbolicLink(zones.resolve("localtime"), host.resolve("secret"));
        Files.createSymbolicLink(zones.resolve("Berlin"), zones.resolve("Europe/Berlin"));
        cache = Files.createDirectories(host.resolve("bytecode"));
    }

    @AfterEach
    void closeTree() throws IOException {
        tree.close();
    }

    private StdlibMount mount(boolean cacheWritable) {
        return new StdlibMount(tree.treeFileSystem(), List.of(
                new StdlibMount.Directory(ZONES, zones, false),
                new StdlibMount.Directory(CACHE, cache, cacheWritable)));
    }

    private static String read(StdlibMount fs, Path path) throws IOException {
        try (SeekableByteChannel channel = fs.newByteChannel(path, Set.of(StandardOpenOption.READ))) {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void constructor_overlappingMounts_isRejected() {
        assertThatThrownBy(() -> new StdlibMount(tree.treeFileSystem(), List.of(
                new StdlibMount.Directory(ZONES, zones, false),
                new StdlibMount.Directory(ZONES.resolve("Europe"), cache, false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void newByteChannel_mountedFileAndLinkInside_readUnderGuestName() throws IOException {
        StdlibMount fs = mount(false);

        assertThat(read(fs, ZONES.resolve("Europe/Berlin"))).isEqualTo("TZif");
        assertThat(read(fs, ZONES.resolve("Berlin"))).isEqualTo("TZif");
        assertThat(fs.toRealPath(ZONES.resolve("Berlin"))).isEqualTo(ZONES.resolve("Europe/Berlin"));
    }

    @Test
    void newByteChannel_linkOutOfMountOrDotDot_doesNotExist() {
        StdlibMount fs = mount(false);

        assertThatThrownBy(() -> read(fs, ZONES.resolve("localtime"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> read(fs, ZONES.resolve("../../../" + host.resolve("secret"))))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void newByteChannel_writeToReadOnlyMount_isDeniedAndHostUnchanged() {
        StdlibMount fs = mount(false);

        assertThatThrownBy(() -> fs.newByteChannel(ZONES.resolve("Europe/Berlin"),
                Set.of(StandardOpenOption.WRITE))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fs.delete(ZONES.resolve("Europe/Berlin"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fs.move(ZONES.resolve("Europe/Berlin"), CACHE.resolve("Berlin")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(zones.resolve("Europe/Berlin")).hasContent("TZif");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void newByteChannel_writableMount_writesAndMovesOnHost() throws IOException {
        StdlibMount fs = mount(true);

        try (SeekableByteChannel channel = fs.newByteChannel(CACHE.resolve("json.pyc.tmp"),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            channel.write(ByteBuffer.wrap("code".getBytes(StandardCharsets.UTF_8)));
        }
        fs.move(CACHE.resolve("json.pyc.tmp"), CACHE.resolve("json.pyc"));

        assertThat(cache.resolve("json.pyc")).hasContent("code");
        assertThat(fs.isFileStoreReadOnly(CACHE)).isFalse();
        assertThat(fs.isFileStoreReadOnly(ZONES)).isTrue();
    }

    @Test
    void newDirectoryStream_mountedDirectory_listsGuestNames() throws IOException {
        StdlibMount fs = mount(false);
        List<Path> names = new ArrayList<>();

        try (DirectoryStream<Path> entries = fs.newDirectoryStream(ZONES, entry -> true)) {
            entries.forEach(names::add);
        }

        assertThat(names).containsExactlyInAnyOrder(ZONES.resolve("Europe"), ZONES.resolve("localtime"),
                ZONES.resolve("Berlin"));
    }

    @Test
    void newByteChannel_pathOutsideMounts_goesToTheTree() throws IOException {
        StdlibMount fs = mount(false);

        try (SeekableByteChannel channel = fs.newByteChannel(Path.of("/work/notes.txt"),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            channel.write(ByteBuffer.wrap("guest".getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(read(fs, Path.of("/work/notes.txt"))).isEqualTo("guest");
        assertThat(host.resolve("notes.txt")).doesNotExist();
    }
}
