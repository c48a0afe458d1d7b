package io.sandlot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sandlot.internal.fs.FileEntry;
import io.sandlot.internal.fs.MemoryFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-side path API of the in-memory file system ({@code writeFile}, {@code readFile}, {@code deleteFile}),
 * behind session uploads and downloads, with random paths: {@code ..}, {@code .}, empty segments, NUL, unicode,
 * over-long names and paths, and real host paths. Each call succeeds or throws {@link IllegalArgumentException} or
 * the documented {@link IOException} with a message; nothing ever escapes the tree (every listed path is absolute
 * and normalised, a written file reads back) and nothing is written on the host.
 */
class MemoryFileSystemPathFuzzTest {

    private static final int ITERATIONS = 10_000;
    /** A hang detector, not a benchmark: about 2 s here idle, over 10 s on a 2-core machine with a load of 10. */
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final String MARKER = "sandlot-fuzz-marker";

    @TempDir
    Path hostDir;

    @Test
    void hostApi_randomPaths_succeedOrFailCleanlyAndNeverLeaveTheTree() throws IOException {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        List<String> segments = segments();
        assertTimeoutPreemptively(BUDGET, () -> {
            MemoryFileSystem files = newTree();
            for (int i = 0; i < ITERATIONS; i++) {
                if (i % 500 == 0) {
                    files.close();
                    files = newTree();
                }
                String path = randomPath(random, segments);
                int op = random.nextInt(3);
                byte[] data = new byte[random.nextInt(4) == 0 ? random.nextInt(64 * 1024) : random.nextInt(64)];
                random.nextBytes(data);
                String replay = Fuzz.replay(seed, i, path) + ", operation " + List.of("write", "read", "delete").get(op);
                try {
                    switch (op) {
                        case 0 -> {
                            files.writeFile(path, data);
                            assertThat(files.readFile(path)).as(replay).isEqualTo(data);
                            assertTreeIsSound(files, replay);
                        }
                        case 1 -> assertThat(files.readFile(path)).as(replay).isNotNull();
                        default -> files.deleteFile(path);
                    }
                } catch (IllegalArgumentException | IOException e) {
                    assertThat(e.getMessage()).as(replay + " threw " + e).isNotBlank();
                } catch (RuntimeException | Error e) {
                    fail(replay + " threw " + e, e);
                }
            }
            assertTreeIsSound(files, "seed " + seed + ", at the end");
            files.close();
        }, () -> "fuzzing the file system took longer than " + BUDGET + " (seed " + seed + ")");

        try (Stream<Path> left = Files.list(hostDir)) {
            assertThat(left).as("files the tree wrote into a host folder it was given paths of").isEmpty();
        }
        assertThat(Path.of("/tmp", MARKER)).as("a file the tree wrote into the host's /tmp").doesNotExist();
        assertThat(Path.of(System.getProperty("user.dir"), MARKER)).as("a file in the host's working directory")
                .doesNotExist();
    }

    private static MemoryFileSystem newTree() {
        return new MemoryFileSystem("/work", 1 << 20, true, denial -> { });
    }

    /** Every regular file is under the root, its path absolute and normalised; the quota holds. */
    private static void assertTreeIsSound(MemoryFileSystem files, String replay) {
        long total = 0;
        for (FileEntry entry : files.list()) {
            String path = entry.path();
            assertThat(path).as(replay).startsWith("/").doesNotContain("//").doesNotContain("\0");
            assertThat(Arrays.asList(path.substring(1).split("/", -1))).as(replay + ": " + Fuzz.show(path))
                    .doesNotContain("", ".", "..");
            total += entry.size();
        }
        assertThat(total).as(replay).isLessThanOrEqualTo(1 << 20);
        assertThat(files.usedBytes()).as(replay).isLessThanOrEqualTo(1 << 20);
    }

    private List<String> segments() {
        List<String> segments = new ArrayList<>(List.of("..", ".", "", "...", "work", "tmp", "a", "b", "x.txt",
                "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\0", "a\0b", "\\", "..\\..", "~", "%2e%2e", " ", "\n",
                "-", "con", "a:b", "*", "?", MARKER, "n".repeat(255), "n".repeat(256), "n".repeat(1000)));
        for (Path p = hostDir; p != null && p.getFileName() != null; p = p.getParent()) {
            segments.add(p.getFileName().toString());
        }
        return segments;
    }

    private String randomPath(Random random, List<String> segments) {
        switch (random.nextInt(16)) {
            case 0:
                return hostDir.resolve(MARKER).toString();
            case 1:
                return "/tmp/" + MARKER;
            case 2:
                return "../".repeat(1 + random.nextInt(8)) + "tmp/" + MARKER;
            case 3:
                return Fuzz.nastyString(random, 12);
            case 4:
                // deep paths are costly (every level is created and looked up): few of them, up to 4200 characters
                return random.nextInt(40) == 0 ? "/" + "d/".repeat(random.nextInt(2100)) + "f" : "/work/" + MARKER;
            default:
                StringBuilder path = new StringBuilder(random.nextBoolean() ? "/" : "");
                int count = 1 + random.nextInt(6);
                for (int s = 0; s < count; s++) {
                    if (s > 0) {
                        path.append(random.nextInt(10) == 0 ? "//" : "/");
                    }
                    path.append(Fuzz.pick(random, segments));
                }
                if (random.nextInt(8) == 0) {
                    path.append('/');
                }
                return path.toString();
        }
    }
}
