package io.sandlot.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The frames the launcher's client and the background process exchange over a Unix domain socket, and where that
 * socket lives. JDK classes only: the client loads this without the GraalVM modules. A frame is a type byte, a
 * 4-byte big-endian length and that many bytes.
 */
final class DaemonProtocol {

    /** Client: the command-line arguments, as a list of strings. */
    static final byte ARGS = 'A';
    /** Client: its working directory. */
    static final byte DIRECTORY = 'D';
    /**
     * Client: a chunk of its standard input, streamed once asked for (a command may read it while it runs, as
     * {@code batch} does); an empty chunk is the end of the input.
     */
    static final byte STDIN = 'I';
    /** Client: stop the background process (the answer is an EXIT frame). */
    static final byte STOP = 'K';
    /** Client: report the background process's state (OUT frames, then EXIT). */
    static final byte STATUS = 'T';
    /** Daemon: the request was accepted; from here on, a lost connection means the run may have started. */
    static final byte HELLO = 'H';
    /** Daemon: bytes for the client's stdout. */
    static final byte OUT = 'O';
    /** Daemon: bytes for the client's stderr. */
    static final byte ERR = 'E';
    /** Daemon: stream your standard input. */
    static final byte NEED_STDIN = 'N';
    /** Daemon: the command's exit code (4 bytes); the last frame. */
    static final byte EXIT = 'X';

    /** The commands the background process runs. */
    static final Set<String> COMMANDS = Set.of("run", "batch");
    /** The largest chunk of standard input a STDIN frame carries. */
    static final int STDIN_CHUNK = 64 * 1024;

    /** The idle time after which the background process exits, unless SANDLOT_DAEMON_IDLE says otherwise. */
    static final long DEFAULT_IDLE_SECONDS = 3600;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DaemonProtocol() {
    }

    /** One frame. */
    record Frame(byte type, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        int exitCode() {
            return ByteBuffer.wrap(data).getInt();
        }
    }

    static void write(SocketChannel channel, byte type, byte[] data, int offset, int length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(5).put(type).putInt(length).flip();
        ByteBuffer body = ByteBuffer.wrap(data, offset, length);
        synchronized (channel) {
            while (header.hasRemaining() || body.hasRemaining()) {
                channel.write(new ByteBuffer[] {header, body});
            }
        }
    }

    static void write(SocketChannel channel, byte type, byte[] data) throws IOException {
        write(channel, type, data, 0, data.length);
    }

    static void writeText(SocketChannel channel, byte type, String text) throws IOException {
        write(channel, type, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeExit(SocketChannel channel, int code) throws IOException {
        write(channel, EXIT, ByteBuffer.allocate(4).putInt(code).array());
    }

    /** The next frame, or null at the end of the stream. */
    static Frame read(SocketChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(5);
        if (channel.read(header) < 0) {
            return null;
        }
        readFully(channel, header);
        header.flip();
        byte type = header.get();
        int length = header.getInt();
        if (length < 0) {
            throw new IOException("bad frame length " + length);
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(channel, body);
        return new Frame(type, body.array());
    }

    private static void readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the connection ended inside a frame");
            }
        }
    }

    static byte[] encodeList(List<String> items) {
        ByteBuffer size = ByteBuffer.allocate(4).putInt(items.size());
        List<byte[]> encoded = new ArrayList<>();
        int total = 4;
        for (String item : items) {
            byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            total += 4 + bytes.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total).put(size.array());
        for (byte[] bytes : encoded) {
            buffer.putInt(bytes.length).put(bytes);
        }
        return buffer.array();
    }

    static List<String> decodeList(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int count = buffer.getInt();
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[buffer.getInt()];
            buffer.get(bytes);
            items.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return items;
    }

    /** An output stream that sends each write as one frame of {@code type}. */
    static OutputStream frames(SocketChannel channel, byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    DaemonProtocol.write(channel, type, b, off, len);
                }
            }
        };
    }

    /**
     * The private directory that holds the sockets: SANDLOT_DAEMON_DIR, else $XDG_RUNTIME_DIR/sandlot, else
     * ~/.cache/sandlot/daemon; created with mode 0700 and refused unless it is a real directory owned by this
     * user that no one else can enter.
     *
     * @throws IOException naming the problem
     */
    static Path directory() throws IOException {
        String configured = System.getenv("SANDLOT_DAEMON_DIR");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir;
        if (configured != null && !configured.isEmpty()) {
            dir = Path.of(configured);
        } else if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
            dir = Path.of(runtime, "sandlot");
        } else {
            dir = Path.of(System.getProperty("user.home"), ".cache", "sandlot", "daemon");
        }
        dir = dir.toAbsolutePath();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another client created it; checked below like any existing directory
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(ownUid())) {
            throw new IOException(dir + " belongs to another user");
        }
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException(dir + " must have mode 0700");
        }
        return dir;
    }

    static Object ownUid() throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /**
     * The name of the background process for this build and these JVM options: a hash of the daemon's command
     * line and the jar's path, size and modification time, so that a rebuilt jar or other options get their own.
     */
    static String key(List<String> daemonCommand, Path jar) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : daemonCommand) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            String stamp = jar.toAbsolutePath() + "\0" + Files.size(jar) + "\0" + Files.getLastModifiedTime(jar).toMillis();
            digest.update(stamp.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
