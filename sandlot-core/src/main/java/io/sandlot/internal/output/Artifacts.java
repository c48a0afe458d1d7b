package io.sandlot.internal.output;

import io.sandlot.Artifact;
import io.sandlot.internal.fs.FileEntry;
import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.lang.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The artifacts of an execution: the files under {@value #DIRECTORY} that it created or changed. A snapshot taken
 * before the guest runs tells them apart from what earlier executions of a session left there.
 */
public final class Artifacts {

    /** Where a guest puts the files it means to hand back. */
    public static final String DIRECTORY = Dialect.WORKING_DIRECTORY + "/out";
    private static final String PREFIX = DIRECTORY + "/";

    private final MemoryFileSystem files;
    /** Size and modification time of each file under {@link #DIRECTORY}, by path. */
    private final Map<String, Stamp> before;

    private Artifacts(MemoryFileSystem files, Map<String, Stamp> before) {
        this.files = files;
        this.before = before;
    }

    /** What is under {@link #DIRECTORY} of {@code files} now. */
    public static Artifacts snapshot(MemoryFileSystem files) {
        return new Artifacts(files, stamps(files));
    }

    /**
     * Adds each file under {@link #DIRECTORY} that is new or changed since the snapshot to {@code log}, with its
     * content, in path order.
     *
     * @throws OutputLimitException when the log's limits are reached; the files before it are added
     */
    public void collect(OutputLog log) throws OutputLimitException {
        for (Map.Entry<String, Stamp> file : stamps(files).entrySet()) {
            String path = file.getKey();
            if (file.getValue().equals(before.get(path))) {
                continue;
            }
            log.checkRoom(file.getValue().size());
            byte[] content;
            try {
                content = files.readFile(path);
            } catch (IOException e) {
                continue;   // removed meanwhile
            }
            String name = path.substring(PREFIX.length());
            log.add(Artifact.of(name, MimeTypes.of(name), content));
        }
    }

    private static Map<String, Stamp> stamps(MemoryFileSystem files) {
        Map<String, Stamp> stamps = new TreeMap<>();
        for (FileEntry entry : files.list()) {
            if (!entry.path().startsWith(PREFIX)) {
                continue;
            }
            try {
                stamps.put(entry.path(), new Stamp(entry.size(), files.lastModified(entry.path())));
            } catch (NoSuchFileException e) {
                // removed meanwhile
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stamps;
    }

    private record Stamp(long size, FileTime modified) {
        Stamp {
            Objects.requireNonNull(modified, "modified");
        }
    }
}
