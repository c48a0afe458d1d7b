package io.sandlot.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A channel that cannot be written: on a directory ({@link #onDirectory}), whose reads fail as POSIX
 * {@code read} on a directory does, or over fixed bytes ({@link #of}), such as a file made on demand.
 */
public abstract sealed class ReadOnlyChannel implements SeekableByteChannel {
    private volatile boolean open = true;

    /** A channel on the directory {@code path}, as POSIX {@code open(dir, O_RDONLY)} gives: reads fail. */
    static ReadOnlyChannel onDirectory(Path path) {
        return new OnDirectory(path);
    }

    /** A channel that reads {@code bytes} (not copied). */
    public static ReadOnlyChannel of(byte[] bytes) {
        return new OfBytes(bytes);
    }

    @Override
    public final int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public final SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public final void close() {
        open = false;
    }

    private static final class OnDirectory extends ReadOnlyChannel {
        private final Path path;

        OnDirectory(Path path) {
            this.path = path;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            throw new FileSystemException(path.toString(), null, MemoryFileSystem.IS_A_DIRECTORY);
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
    }

    private static final class OfBytes extends ReadOnlyChannel {
        private final byte[] bytes;
        private int position;

        OfBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }
}
