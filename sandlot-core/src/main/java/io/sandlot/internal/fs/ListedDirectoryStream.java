package io.sandlot.internal.fs;

import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** A directory stream over entries listed when it was opened; like any directory stream, iterable once. */
final class ListedDirectoryStream implements DirectoryStream<Path> {
    private final List<Path> entries;
    private boolean iterated;

    ListedDirectoryStream(List<Path> entries) {
        this.entries = entries;
    }

    @Override
    public Iterator<Path> iterator() {
        if (iterated) {
            throw new IllegalStateException("iterator already obtained");
        }
        iterated = true;
        return entries.iterator();
    }

    @Override
    public void close() {
    }
}
