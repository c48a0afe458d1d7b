package io.sandlot.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** A channel on a directory, as POSIX {@code open(dir, O_RDONLY)} gives: reads fail. */
final class DirectoryChannel implements SeekableByteChannel {
    private final Path path;
    private volatile boolean open = true;

    DirectoryChannel(Path path) {
        this.path = path;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        throw new FileSystemException(path.toString(), null, MemoryFileSystem.IS_A_DIRECTORY);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return 0;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        return this;
    }

    @Override
    public long size() {
        return 0;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
