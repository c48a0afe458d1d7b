package io.sandlot.internal.fs;

import java.util.Objects;

/**
 * A regular file in a {@link MemoryFileSystem}, as listed by {@link MemoryFileSystem#list()}.
 *
 * @param path absolute path of the file inside the tree, e.g. {@code /work/data.csv}
 * @param size size of the file in bytes
 */
public record FileEntry(String path, long size) {

    /** Checks that {@code path} is non-null and {@code size} is not negative. */
    public FileEntry {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
