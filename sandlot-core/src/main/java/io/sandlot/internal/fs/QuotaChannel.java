package io.sandlot.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * A channel on a file of the tree that reports Jimfs's quota exhaustion during writes as
 * {@link MemoryFileSystem#NO_SPACE}.
 */
final class QuotaChannel implements SeekableByteChannel {
    private final SeekableByteChannel delegate;
    private final Path path;

    QuotaChannel(SeekableByteChannel delegate, Path path) {
        this.delegate = delegate;
        this.path = path;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        try {
            return delegate.write(src);
        } catch (IOException e) {
            throw MemoryFileSystem.translate(e, path);
        }
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
