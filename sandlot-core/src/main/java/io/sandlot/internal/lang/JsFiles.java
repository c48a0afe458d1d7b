package io.sandlot.internal.lang;

import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.io.GuestUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Node's {@code fs} for JavaScript guests ({@code require('fs')}, {@code require('fs/promises')}), over the guest's
 * own file tree: the one Python guests see, the session's files in a session, {@code /work} as the working
 * directory. Its operations go through {@link MemoryFileSystem#treeFileSystem()}, so they meet exactly the checks
 * Python's file access meets (read-only without a writable policy, the quota, no host file, no language home) and
 * add no door. The node API ({@code node-fs.js}, next to this class) is guest code; what it asks of the host is
 * the small set of calls below, each of which answers {@code [null, value]} or, when the file system refuses,
 * {@code [code, errno, description]} from which the guest builds node's error ({@code ENOENT: no such file or
 * directory, open 'data.csv'}, with {@code code}, {@code errno}, {@code syscall} and {@code path}).
 *
 * <p>File contents cross as strings: UTF-8 text decoded or encoded on the host, bytes as Latin-1 strings (one
 * character a byte) that the guest turns into a {@code Buffer}, so no host object reaches the guest.
 */
final class JsFiles {

    /** The module's guest code: a function of the host calls that returns node's {@code fs}. */
    private static final Source MODULE = JsLibraries.script("node-fs.js", "node:fs");

    private final FileSystem files;

    private JsFiles(FileSystem files) {
        this.files = files;
    }

    /**
     * Node's {@code fs} over {@code tree}, made in {@code context} (once per context: {@code require} caches it);
     * {@code buffer} gives the context's {@code Buffer}, the class of the bytes it reads, and {@code errors} node's
     * argument errors ({@code node-errors.js}).
     */
    static Value module(Context context, MemoryFileSystem tree, Supplier<Value> buffer, Value errors) {
        ProxyExecutable bufferClass = arguments -> buffer.get().getMember("Buffer");
        return context.eval(MODULE).execute(hostCalls(tree), bufferClass, errors);
    }

    /**
     * The host calls of {@code fs} over {@code tree}, which {@code require} also reads the guest's modules with
     * ({@link JsLibraries#install}).
     */
    static ProxyObject hostCalls(MemoryFileSystem tree) {
        return new JsFiles(tree.treeFileSystem()).calls();
    }

    private ProxyObject calls() {
        return ProxyObject.fromMap(Map.of(
                "read", call(arguments -> read(path(arguments[0]), arguments[1].asBoolean())),
                "write", call(arguments -> write(path(arguments[0]), arguments[1].asString(),
                        arguments[2].asBoolean(), arguments[3].asString())),
                "stat", call(arguments -> stat(path(arguments[0]))),
                "readdir", call(arguments -> readdir(path(arguments[0]))),
                "mkdir", call(arguments -> mkdir(path(arguments[0]), arguments[1].asBoolean())),
                "remove", call(arguments -> remove(path(arguments[0]), arguments[1].asString())),
                "rename", call(arguments -> rename(path(arguments[0]), path(arguments[1]))),
                "copy", call(arguments -> copy(path(arguments[0]), path(arguments[1]), arguments[2].asBoolean())),
                "access", call(arguments -> access(path(arguments[0]), arguments[1].asInt())),
                "realpath", call(arguments -> files.toRealPath(path(arguments[0])).toString())));
    }

    /** A host call whose file-system failures come back to the guest as node's error codes. */
    private static ProxyExecutable call(FileOperation operation) {
        return arguments -> {
            try {
                return ProxyArray.fromArray(null, operation.apply(arguments));
            } catch (IOException e) {
                return failure(e);
            } catch (InvalidPathException e) {
                return ProxyArray.fromArray("ENOENT", -2, "no such file or directory");
            }
        };
    }

    @FunctionalInterface
    private interface FileOperation {
        Object apply(Value[] arguments) throws IOException;
    }

    /**
     * The path the guest named, absolute and normalised (there are no links, so {@code ..} is lexical, and stays at
     * the root there, as in POSIX); an empty name names no file.
     */
    private Path path(Value name) throws NoSuchFileException {
        String text = name.asString();
        if (text.isEmpty()) {
            throw new NoSuchFileException(text);
        }
        return files.toAbsolutePath(files.parsePath(text)).normalize();
    }

    private String read(Path path, boolean utf8) throws IOException {
        if (isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "Is a directory");
        }
        try (SeekableByteChannel channel = files.newByteChannel(path, Set.of(StandardOpenOption.READ));
                InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readAllBytes();
            return new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
    }

    /** Writes {@code data} (UTF-8 text, or Latin-1 for bytes) as node's flags say: w, a, wx, ax (with or without +). */
    private Object write(Path path, String data, boolean latin1, String flag) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.WRITE);
        options.add(flag.startsWith("a") ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        options.add(flag.contains("x") ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        if (isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "Is a directory");
        }
        ByteBuffer bytes = ByteBuffer.wrap(latin1 ? data.getBytes(StandardCharsets.ISO_8859_1) : GuestUtf8.encode(data));
        try (SeekableByteChannel channel = files.newByteChannel(path, options)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        return null;
    }

    /** {@code [isDirectory, size, mtimeMs, atimeMs, ctimeMs, birthtimeMs, mode, ino, nlink, uid, gid, dev, rdev]}. */
    private ProxyArray stat(Path path) throws IOException {
        Map<String, Object> unix = files.readAttributes(path, "unix:*");
        return ProxyArray.fromArray(unix.get("isDirectory"), unix.get("size"), millis(unix.get("lastModifiedTime")),
                millis(unix.get("lastAccessTime")), millis(unix.get("ctime")), millis(unix.get("creationTime")),
                unix.get("mode"), unix.get("ino"), unix.get("nlink"), unix.get("uid"), unix.get("gid"),
                unix.get("dev"), unix.get("rdev"));
    }

    private static double millis(Object time) {
        return ((FileTime) time).toMillis();
    }

    /** The entries of a directory as {@code [name, isDirectory]} pairs, sorted by name as libuv's scandir sorts. */
    private ProxyArray readdir(Path path) throws IOException {
        if (!isDirectory(path)) {
            files.readAttributes(path, "isDirectory");   // a missing path fails as missing
            throw new NotDirectoryException(path.toString());
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = files.newDirectoryStream(path, entry -> true)) {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        List<Object> entries = new ArrayList<>(names.size());
        for (String name : names) {
            entries.add(ProxyArray.fromArray(name, isDirectory(path.resolve(name))));
        }
        return ProxyArray.fromList(entries);
    }

    /** Makes a directory, or, {@code recursive}, the missing ones on its way; returns how many it made. */
    private int mkdir(Path path, boolean recursive) throws IOException {
        if (!recursive) {
            files.createDirectory(path);
            return 1;
        }
        List<Path> missing = new ArrayList<>();
        for (Path at = path; at != null && !exists(at); at = at.getParent()) {
            missing.add(0, at);
        }
        if (missing.isEmpty() && !isDirectory(path)) {
            throw new FileAlreadyExistsException(path.toString());
        }
        for (Path dir : missing) {
            files.createDirectory(dir);
        }
        return missing.size();
    }

    /**
     * Removes as node's calls of that name do: {@code unlink} a file, {@code rmdir} an empty directory, {@code rm}
     * a file, or a tree when {@code rm-recursive}.
     */
    private Object remove(Path path, String how) throws IOException {
        boolean directory = isDirectory(path);
        switch (how) {
            case "unlink" -> {
                if (directory) {
                    throw new FileSystemException(path.toString(), null, "Is a directory");
                }
                files.delete(path);
            }
            case "rmdir" -> {
                if (!directory && exists(path)) {
                    throw new NotDirectoryException(path.toString());
                }
                files.delete(path);
            }
            case "rm" -> {
                if (directory) {
                    throw new FileSystemException(path.toString(), null, "Is a directory");
                }
                files.delete(path);
            }
            case "rm-recursive" -> deleteTree(path);
            default -> throw new IllegalArgumentException(how);
        }
        return null;
    }

    private void deleteTree(Path path) throws IOException {
        if (isDirectory(path)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = files.newDirectoryStream(path, entry -> true)) {
                stream.forEach(children::add);
            }
            for (Path child : children) {
                deleteTree(child);
            }
        }
        files.delete(path);
    }

    /** Renames as POSIX does: a file that exists at {@code to} is replaced. */
    private Object rename(Path from, Path to) throws IOException {
        if (!exists(from)) {
            throw new NoSuchFileException(from.toString());
        }
        files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        return null;
    }

    private Object copy(Path from, Path to, boolean exclusive) throws IOException {
        if (isDirectory(from)) {
            throw new FileSystemException(from.toString(), null, "Is a directory");
        }
        if (exclusive) {
            files.copy(from, to);
        } else {
            files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return null;
    }

    /** Checks access as {@code fs.access} does, {@code mode} a combination of R_OK (4), W_OK (2) and X_OK (1). */
    private Object access(Path path, int mode) throws IOException {
        Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
        if ((mode & 4) != 0) {
            modes.add(AccessMode.READ);
        }
        if ((mode & 2) != 0) {
            modes.add(AccessMode.WRITE);
        }
        if ((mode & 1) != 0) {
            modes.add(AccessMode.EXECUTE);
        }
        files.checkAccess(path, modes);
        return null;
    }

    private boolean exists(Path path) {
        try {
            files.readAttributes(path, "isDirectory");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean isDirectory(Path path) {
        try {
            return Boolean.TRUE.equals(files.readAttributes(path, "isDirectory").get("isDirectory"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Node's code, errno (negative, as node reports it) and description of what the file system refused. */
    private static ProxyArray failure(IOException e) {
        String reason = e instanceof FileSystemException refused ? String.valueOf(refused.getReason()) : "";
        if (e instanceof NoSuchFileException) {
            return ProxyArray.fromArray("ENOENT", -2, "no such file or directory");
        } else if (e instanceof FileAlreadyExistsException) {
            return ProxyArray.fromArray("EEXIST", -17, "file already exists");
        } else if (e instanceof DirectoryNotEmptyException) {
            return ProxyArray.fromArray("ENOTEMPTY", -39, "directory not empty");
        } else if (e instanceof NotDirectoryException) {
            return ProxyArray.fromArray("ENOTDIR", -20, "not a directory");
        } else if (e instanceof AccessDeniedException) {
            return reason.equals("Read-only file system")
                    ? ProxyArray.fromArray("EROFS", -30, "read-only file system")
                    : ProxyArray.fromArray("EACCES", -13, "permission denied");
        } else if (reason.equals("Is a directory")) {
            return ProxyArray.fromArray("EISDIR", -21, "illegal operation on a directory");
        } else if (reason.equals(MemoryFileSystem.NO_SPACE)) {
            return ProxyArray.fromArray("ENOSPC", -28, "no space left on device");
        } else if (reason.equals("File name too long")) {
            return ProxyArray.fromArray("ENAMETOOLONG", -36, "name too long");
        }
        return ProxyArray.fromArray("EIO", -5, "i/o error");
    }
}
