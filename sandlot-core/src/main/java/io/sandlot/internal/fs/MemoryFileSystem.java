package io.sandlot.internal.fs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.graalvm.polyglot.io.FileSystem;

/**
 * A private, quota-bounded, in-memory file tree for one guest context, exposed to GraalVM
 * polyglot languages as a {@link FileSystem}.
 *
 * <p>The tree is a Jimfs file system; no operation of this class performs host file-system I/O.
 * Paths handed to and received from the polyglot runtime are default-file-system {@link Path}
 * objects used purely as names (so the instance can be wrapped by {@link
 * FileSystem#allowLanguageHomeAccess(FileSystem)}, which requires that path type); each is mapped
 * to the Jimfs path with the same normalised absolute name. For guest paths, {@code ..} at the root
 * stays at the root, as in POSIX, so nothing outside the tree is ever named. Give contexts {@link
 * #guestFileSystem()} rather than this instance.
 *
 * <p>Guest errors are reported as the exceptions GraalPy maps to errno values: {@link
 * NoSuchFileException} (ENOENT, {@code FileNotFoundError}), {@link AccessDeniedException} (EACCES,
 * {@code PermissionError}), and {@link FileSystemException}s whose reason is {@value #NO_SPACE}
 * (ENOSPC), {@code "Is a directory"} (EISDIR) or {@code "File name too long"} (ENAMETOOLONG).
 *
 * <p>Quota: file contents are stored in blocks of {@value #BLOCK_SIZE} bytes, and at most {@code
 * quotaBytes} (rounded up to whole blocks) may be allocated. The number of files and directories
 * is also bounded, to one per block of quota and at least 1024. Exhaustion of either is reported
 * as a {@link FileSystemException} whose reason is {@value #NO_SPACE}.
 *
 * <p>Read-only mode refuses every guest operation that would modify the tree with an {@link
 * AccessDeniedException} (GraalPy: {@code PermissionError}) and reports it to {@code onDenied}.
 * The host-side methods ({@link #writeFile}, {@link #deleteFile}) work in either mode.
 *
 * <p>Symbolic and hard links are not supported. Instances are safe for use by one guest context
 * and concurrent host-side calls.
 *
 * <p>This class holds the tree and its quota; {@link TreePaths} checks and normalises names,
 * {@link PosixAttributes} presents attributes, {@link QuotaChannel} and {@link ReadOnlyChannel}
 * are the channels it opens, and {@link GuestFileSystem} is what a context is given.
 */
public final class MemoryFileSystem implements FileSystem, Closeable {

    /** Size in bytes of the blocks in which file contents are allocated and counted. */
    public static final int BLOCK_SIZE = 4096;

    /** Reason of the {@link FileSystemException} thrown when the quota is exhausted. */
    public static final String NO_SPACE = "No space left on device";

    /** Reason of the {@link FileSystemException} thrown for a directory where a file is expected (EISDIR). */
    static final String IS_A_DIRECTORY = "Is a directory";

    private static final String READ_ONLY = "Read-only file system";
    private static final String TEMP_DIRECTORY = "/tmp";
    private static final long MIN_ENTRIES = 1024;
    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_PERMISSIONS =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));

    private final java.nio.file.FileSystem tree;
    private final String workingDirectory;
    private final long capacity;
    private final long maxEntries;
    private final boolean writable;
    private final Consumer<String> onDenied;

    /** Serialises operations that create or remove entries, so that {@link #entries} is exact. */
    private final Object lock = new Object();

    /** Number of files and directories created through this class and not yet removed. */
    private long entries;

    private volatile String currentDirectory;

    /**
     * Creates an empty tree containing {@code workingDirectory} and {@value #TEMP_DIRECTORY}.
     *
     * @param workingDirectory absolute path of the initial working directory inside the tree, also
     *     the base of relative host-side paths, e.g. {@code /work}
     * @param quotaBytes maximum number of bytes of file contents, rounded up to whole blocks of
     *     {@value #BLOCK_SIZE} bytes; must be positive
     * @param writable whether the guest may modify the tree
     * @param onDenied called with a short description such as {@code "write /work/x.txt"} each
     *     time a guest modification is refused because the tree is read-only
     * @throws IllegalArgumentException if {@code workingDirectory} is not a valid absolute path
     *     or {@code quotaBytes} is not positive
     */
    public MemoryFileSystem(
            String workingDirectory, long quotaBytes, boolean writable, Consumer<String> onDenied) {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(onDenied, "onDenied");
        if (quotaBytes <= 0) {
            throw new IllegalArgumentException("quota must be positive: " + quotaBytes);
        }
        long blocks = (quotaBytes - 1) / BLOCK_SIZE + 1;
        if (blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("quota is too large: " + quotaBytes);
        }
        this.workingDirectory = TreePaths.workingDirectory(workingDirectory);
        this.capacity = blocks * BLOCK_SIZE;
        this.maxEntries = Math.max(MIN_ENTRIES, blocks);
        this.writable = writable;
        this.onDenied = onDenied;
        this.currentDirectory = this.workingDirectory;
        this.tree =
                Jimfs.newFileSystem(
                        Configuration.unix().toBuilder()
                                .setWorkingDirectory(this.workingDirectory)
                                .setAttributeViews("basic", "owner", "posix", "unix")
                                .setBlockSize(BLOCK_SIZE)
                                .setMaxSize(capacity)
                                .setMaxCacheSize(0)
                                .build());
        try {
            synchronized (lock) {
                createDirectories(tree.getPath(TEMP_DIRECTORY));
                createDirectories(tree.getPath(this.workingDirectory));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Host-side API

    /**
     * Stores {@code data} as the complete contents of a regular file, creating missing parent
     * directories. The bytes count against the quota.
     *
     * @param path absolute path inside the tree, or path relative to the working directory
     * @throws IllegalArgumentException if the path is empty, contains a NUL byte, names the root,
     *     is too long or leaves the tree through {@code ..}
     * @throws FileSystemException with reason {@value #NO_SPACE} if the quota would be exceeded
     *     (the tree is then unchanged, except possibly for created parent directories)
     * @throws IOException if the path or one of its parents is of the wrong kind
     */
    public void writeFile(String path, byte[] data) throws IOException {
        Objects.requireNonNull(data, "data");
        Path target = hostPath(path);
        synchronized (lock) {
            createDirectories(target.getParent());
            boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            long freed = 0;
            if (existed) {
                BasicFileAttributes attrs =
                        Files.readAttributes(
                                target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    throw new FileSystemException(target.toString(), null, IS_A_DIRECTORY);
                }
                freed = spaceFor(attrs.size());
            } else {
                reserveEntry(target);
            }
            if (spaceFor(data.length) > unallocated() + freed) {
                throw noSpace(target);
            }
            try {
                Files.write(target, data);
            } catch (IOException e) {
                if (!existed) {
                    Files.deleteIfExists(target);
                }
                throw translate(e, target);
            }
            if (!existed) {
                entries++;
            }
        }
    }

    /**
     * Returns the contents of a regular file.
     *
     * @param path absolute path inside the tree, or path relative to the working directory
     * @throws IllegalArgumentException if the path is invalid, as for {@link #writeFile}
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if the path names a directory
     */
    public byte[] readFile(String path) throws IOException {
        Path target = hostPath(path);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, IS_A_DIRECTORY);
        }
        return Files.readAllBytes(target);
    }

    /**
     * Returns when a regular file was last modified.
     *
     * @param path absolute path inside the tree, or path relative to the working directory
     * @throws IllegalArgumentException if the path is invalid, as for {@link #writeFile}
     * @throws NoSuchFileException if there is no such file
     */
    public FileTime lastModified(String path) throws IOException {
        return Files.getLastModifiedTime(hostPath(path), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Lists every regular file in the tree, sorted by path.
     *
     * @return absolute in-tree path and size of each regular file
     */
    public List<FileEntry> list() {
        List<FileEntry> result = new ArrayList<>();
        try {
            Files.walkFileTree(
                    tree.getPath("/"),
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                result.add(new FileEntry(file.toString(), attrs.size()));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e)
                                throws IOException {
                            if (e instanceof NoSuchFileException) {
                                return FileVisitResult.CONTINUE; // removed concurrently
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(Comparator.comparing(FileEntry::path));
        return result;
    }

    /**
     * Deletes a regular file.
     *
     * @param path absolute path inside the tree, or path relative to the working directory
     * @return {@code true} if the file was deleted, {@code false} if nothing existed at the path
     * @throws IllegalArgumentException if the path is invalid, as for {@link #writeFile}
     * @throws IOException if the path names a directory
     */
    public boolean deleteFile(String path) throws IOException {
        Path target = hostPath(path);
        synchronized (lock) {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(target.toString(), null, IS_A_DIRECTORY);
            }
            if (!Files.deleteIfExists(target)) {
                return false;
            }
            entries--;
            return true;
        }
    }

    /**
     * Returns the number of bytes currently allocated to file contents, in whole blocks of
     * {@value #BLOCK_SIZE} bytes; this is what counts against the quota.
     */
    public long usedBytes() {
        return capacity - unallocated();
    }

    /**
     * Returns the file system to give a guest context: {@link
     * FileSystem#allowLanguageHomeAccess(FileSystem)} applied to this tree for reads, so that languages can
     * read their own home (e.g. GraalPy's standard library) from the host, with every modifying
     * operation ({@link #move} included) routed straight to this tree, never to the host. (The composite of polyglot 25.0 implements {@code move}
     * as copy-and-delete and rejects {@link StandardCopyOption#ATOMIC_MOVE}, which GraalPy's
     * {@code os.rename} always requests; a move involving a language home therefore fails as
     * missing.) Each call returns a new instance with its own working directory: use one per
     * context.
     */
    public FileSystem guestFileSystem() {
        return new GuestFileSystem(this, FileSystem.allowLanguageHomeAccess(this));
    }

    /**
     * Returns the file system to give a guest context that reaches no language home through it: reads and writes
     * go to this tree only. Each call returns a new instance with its own working directory: use one per context.
     */
    public FileSystem treeFileSystem() {
        return new GuestFileSystem(this, this);
    }

    /** Discards the tree and frees its memory; later operations fail. */
    @Override
    public void close() throws IOException {
        tree.close();
    }

    // ------------------------------------------------------------------------------------------
    // org.graalvm.polyglot.io.FileSystem

    /** Parses a {@code file:} URI as a path name; other schemes are unsupported. */
    @Override
    public Path parsePath(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new UnsupportedOperationException("unsupported URI scheme: " + uri.getScheme());
        }
        return Path.of(uri);
    }

    /** Parses a path name; no file is accessed. */
    @Override
    public Path parsePath(String path) {
        return Path.of(path);
    }

    /**
     * Checks that the file exists and may be accessed: read always, write only if the tree is
     * writable (a refused probe is not reported to {@code onDenied}), execute only for
     * directories and files with the owner-execute permission.
     */
    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
            throws IOException {
        Path p = inTree(path);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p, linkOptions);
        if (modes.contains(AccessMode.WRITE) && !writable) {
            throw new AccessDeniedException(p.toString(), null, READ_ONLY);
        }
        if (modes.contains(AccessMode.EXECUTE)
                && !Files.isDirectory(p, linkOptions)
                && !permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
            throw new AccessDeniedException(p.toString());
        }
    }

    /** Creates a directory; its permissions default to {@code rwxr-xr-x}. */
    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Path p = inTree(dir);
        requireWritable("mkdir", p);
        FileAttribute<?>[] effective = attrs.length == 0
                ? new FileAttribute<?>[] {DIRECTORY_PERMISSIONS}
                : attrs;
        synchronized (lock) {
            reserveEntry(p);
            Files.createDirectory(p, effective);
            entries++;
        }
    }

    /** Deletes a file or an empty directory. */
    @Override
    public void delete(Path path) throws IOException {
        Path p = inTree(path);
        requireWritable("delete", p);
        synchronized (lock) {
            Files.delete(p);
            entries--;
        }
    }

    /** Opens or creates a file; writes beyond the quota fail with {@value #NO_SPACE}. */
    @Override
    public SeekableByteChannel newByteChannel(
            Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path p = inTree(path);
        boolean write = options.contains(StandardOpenOption.WRITE)
                || options.contains(StandardOpenOption.APPEND)
                || options.contains(StandardOpenOption.DELETE_ON_CLOSE);
        if (Files.isDirectory(p)) {
            if (write) {
                throw new FileSystemException(p.toString(), null, IS_A_DIRECTORY);
            }
            return ReadOnlyChannel.onDirectory(p);
        }
        if (!write) {
            return Files.newByteChannel(p, options, attrs);
        }
        requireWritable("write", p);
        boolean create = options.contains(StandardOpenOption.CREATE)
                || options.contains(StandardOpenOption.CREATE_NEW);
        SeekableByteChannel channel;
        synchronized (lock) {
            boolean created = create && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
            if (created) {
                reserveEntry(p);
            }
            channel = Files.newByteChannel(p, options, attrs);
            if (created) {
                entries++;
            }
        }
        return new QuotaChannel(channel, p);
    }

    /** Lists a directory; entries are {@code dir} resolved against each child's name. */
    @Override
    public DirectoryStream<Path> newDirectoryStream(
            Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        Path p = inTree(dir);
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(p)) {
            for (Path child : stream) {
                Path guestChild = dir.resolve(child.getFileName().toString());
                if (filter.accept(guestChild)) {
                    children.add(guestChild);
                }
            }
        }
        return new ListedDirectoryStream(children);
    }

    /** Resolves a relative path against the current working directory; no file is accessed. */
    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : Path.of(currentDirectory).resolve(path);
    }

    /** Returns the normalised absolute path of an existing file. */
    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return Path.of(inTree(path).toRealPath(linkOptions).toString());
    }

    /**
     * Reads attributes of the {@code basic}, {@code posix} and {@code unix} views. {@code
     * unix:mode} includes the file-type bits; {@code unix:dev}, {@code unix:ino} and {@code
     * unix:rdev} are {@link Long}s, {@code unix:nlink}, {@code unix:uid} and {@code unix:gid}
     * {@link Integer}s.
     */
    @Override
    public Map<String, Object> readAttributes(
            Path path, String attributes, LinkOption... linkOptions) throws IOException {
        return PosixAttributes.read(inTree(path), attributes, linkOptions);
    }

    /** Sets a {@code basic} or {@code posix} attribute, or {@code unix:mode}. */
    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
            throws IOException {
        Path p = inTree(path);
        requireWritable("setattr", p);
        if (attribute.equals("unix:mode")) {
            Files.setPosixFilePermissions(p, PosixAttributes.fromMode(((Number) value).intValue()));
        } else {
            Files.setAttribute(p, attribute, value, options);
        }
    }

    /** Copies a file, or creates an empty directory in place of a directory. */
    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        Path s = inTree(source);
        Path t = inTree(target);
        requireWritable("copy " + s + " ->", t);
        synchronized (lock) {
            boolean existed = Files.exists(t, LinkOption.NOFOLLOW_LINKS);
            if (!existed) {
                reserveEntry(t);
            }
            try {
                Files.copy(s, t, options);
            } catch (IOException e) {
                throw translate(e, t);
            }
            if (!existed) {
                entries++;
            }
        }
    }

    /** Moves or renames a file or directory. */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Path s = inTree(source);
        Path t = inTree(target);
        requireWritable("move " + s + " ->", t);
        synchronized (lock) {
            boolean replaced = !s.equals(t)
                    && Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)
                    && Files.exists(t, LinkOption.NOFOLLOW_LINKS);
            Files.move(s, t, options);
            if (replaced) {
                entries--;
            }
        }
    }

    /**
     * Sets the directory against which relative guest paths are resolved.
     *
     * @throws IllegalArgumentException if the path is not absolute
     */
    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        if (!currentWorkingDirectory.isAbsolute()) {
            throw new IllegalArgumentException(
                    "working directory must be absolute: " + currentWorkingDirectory);
        }
        currentDirectory = TreePaths.normalize(currentWorkingDirectory.toString(), "/", true);
    }

    /** Returns {@code "/"}. */
    @Override
    public String getSeparator() {
        return "/";
    }

    /** Returns {@code ":"}. */
    @Override
    public String getPathSeparator() {
        return ":";
    }

    /** Returns {@value #TEMP_DIRECTORY}, which is created with the tree. */
    @Override
    public Path getTempDirectory() {
        return Path.of(TEMP_DIRECTORY);
    }

    /** Tells whether two paths name the same existing file. */
    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        return Files.isSameFile(inTree(path1), inTree(path2));
    }

    /** Returns the quota, rounded up to whole blocks. */
    @Override
    public long getFileStoreTotalSpace(Path path) {
        return capacity;
    }

    /** Returns the number of bytes of quota not yet allocated. */
    @Override
    public long getFileStoreUnallocatedSpace(Path path) {
        return unallocated();
    }

    /** Returns the number of bytes of quota not yet allocated. */
    @Override
    public long getFileStoreUsableSpace(Path path) {
        return unallocated();
    }

    /** Returns {@value #BLOCK_SIZE}. */
    @Override
    public long getFileStoreBlockSize(Path path) {
        return BLOCK_SIZE;
    }

    /** Returns {@code true} if the tree is read-only for the guest. */
    @Override
    public boolean isFileStoreReadOnly(Path path) {
        return !writable;
    }

    // ------------------------------------------------------------------------------------------
    // Internals

    /** Maps a guest path to the Jimfs path with the same normalised absolute name. */
    private Path inTree(Path guestPath) throws IOException {
        return tree.getPath(TreePaths.guest(guestPath.toString(), currentDirectory));
    }

    /** Maps a host-side path to a Jimfs path, rejecting invalid paths as {@link TreePaths#host} does. */
    private Path hostPath(String path) {
        return tree.getPath(TreePaths.host(path, workingDirectory));
    }

    private void requireWritable(String operation, Path p) throws AccessDeniedException {
        if (writable) {
            return;
        }
        AccessDeniedException denied = new AccessDeniedException(p.toString(), null, READ_ONLY);
        try {
            onDenied.accept(operation + " " + p);
        } catch (RuntimeException e) {
            denied.addSuppressed(e);
        }
        throw denied;
    }

    /** Creates {@code dir} and its missing parents. Caller holds {@link #lock}. */
    private void createDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        reserveEntry(dir);
        Files.createDirectory(dir, DIRECTORY_PERMISSIONS);
        entries++;
    }

    /** Fails if no further entry may be created. Caller holds {@link #lock}. */
    private void reserveEntry(Path p) throws FileSystemException {
        if (entries >= maxEntries) {
            throw new FileSystemException(p.toString(), null, NO_SPACE);
        }
    }

    private long unallocated() {
        try {
            FileStore store = tree.getFileStores().iterator().next();
            return store.getUnallocatedSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of quota a file of {@code bytes} bytes takes: whole blocks of {@value #BLOCK_SIZE}. */
    public static long spaceFor(long bytes) {
        return (bytes + BLOCK_SIZE - 1) / BLOCK_SIZE * BLOCK_SIZE;
    }

    private static FileSystemException noSpace(Path p) {
        return new FileSystemException(p.toString(), null, NO_SPACE);
    }

    /** Replaces Jimfs's bare "out of disk space" exception by a {@link #NO_SPACE} one. */
    static IOException translate(IOException e, Path p) {
        if (e.getClass() == IOException.class && "out of disk space".equals(e.getMessage())) {
            FileSystemException translated = noSpace(p);
            translated.initCause(e);
            return translated;
        }
        return e;
    }
}
