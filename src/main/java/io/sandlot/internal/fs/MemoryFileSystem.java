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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 */
public final class MemoryFileSystem implements FileSystem, Closeable {

    /** Size in bytes of the blocks in which file contents are allocated and counted. */
    public static final int BLOCK_SIZE = 4096;

    /** Reason of the {@link FileSystemException} thrown when the quota is exhausted. */
    public static final String NO_SPACE = "No space left on device";

    private static final String READ_ONLY = "Read-only file system";
    private static final String IS_A_DIRECTORY = "Is a directory";
    private static final String TEMP_DIRECTORY = "/tmp";
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_PATH_LENGTH = 4096;
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
        if (!workingDirectory.startsWith("/")
                || workingDirectory.indexOf('\0') >= 0
                || workingDirectory.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException(
                    "working directory must be an absolute path: " + workingDirectory);
        }
        if (quotaBytes <= 0) {
            throw new IllegalArgumentException("quota must be positive: " + quotaBytes);
        }
        long blocks = (quotaBytes - 1) / BLOCK_SIZE + 1;
        if (blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("quota is too large: " + quotaBytes);
        }
        this.workingDirectory = normalize(workingDirectory, "/", false);
        if (!checkNames(this.workingDirectory)) {
            throw new IllegalArgumentException(
                    "working directory has a name longer than " + MAX_NAME_LENGTH + " characters");
        }
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
                freed = blocksFor(attrs.size()) * BLOCK_SIZE;
            } else {
                reserveEntry(target);
            }
            if (blocksFor(data.length) * BLOCK_SIZE > unallocated() + freed) {
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
        return new GuestFileSystem(FileSystem.allowLanguageHomeAccess(this));
    }

    /**
     * Returns the file system to give a guest context that reaches no language home through it: reads and writes
     * go to this tree only. Each call returns a new instance with its own working directory: use one per context.
     */
    public FileSystem treeFileSystem() {
        return new GuestFileSystem(this);
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
            return new DirectoryChannel(p);
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
        return new DirectoryStream<>() {
            private boolean iterated;

            @Override
            public Iterator<Path> iterator() {
                if (iterated) {
                    throw new IllegalStateException("iterator already obtained");
                }
                iterated = true;
                return children.iterator();
            }

            @Override
            public void close() {}
        };
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
        Path p = inTree(path);
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        String names = colon < 0 ? attributes : attributes.substring(colon + 1);
        if (!view.equals("basic") && !view.equals("posix") && !view.equals("unix")) {
            throw new UnsupportedOperationException("unsupported attribute view: " + view);
        }
        Map<String, Object> all = attributesOf(p, view, linkOptions);
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (name.equals("*")) {
                result.putAll(all);
            } else if (all.containsKey(name)) {
                result.put(name, all.get(name));
            } else {
                throw new IllegalArgumentException("unknown attribute: " + view + ":" + name);
            }
        }
        return result;
    }

    /** Sets a {@code basic} or {@code posix} attribute, or {@code unix:mode}. */
    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
            throws IOException {
        Path p = inTree(path);
        requireWritable("setattr", p);
        if (attribute.equals("unix:mode")) {
            Files.setPosixFilePermissions(p, fromMode(((Number) value).intValue()));
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
        currentDirectory = normalize(currentWorkingDirectory.toString(), "/", true);
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
        String name = guestPath.toString();
        if (name.length() > MAX_PATH_LENGTH) {
            throw new FileSystemException(name, null, "File name too long");
        }
        String normalized = normalize(name, currentDirectory, true);
        if (!checkNames(normalized)) {
            throw new FileSystemException(name, null, "File name too long");
        }
        return tree.getPath(normalized);
    }

    /** Maps a host-side path to a Jimfs path, rejecting invalid paths. */
    private Path hostPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "path contains a NUL byte: " + path.replace('\0', '?'));
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException(
                    "path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        String normalized = normalize(path, workingDirectory, false);
        if (normalized.equals("/")) {
            throw new IllegalArgumentException("path names the root directory: " + path);
        }
        if (!checkNames(normalized)) {
            throw new IllegalArgumentException(
                    "path has a name longer than " + MAX_NAME_LENGTH + " characters: " + path);
        }
        return tree.getPath(normalized);
    }

    /**
     * Resolves {@code path} against {@code base} and removes {@code .}, {@code ..} and empty
     * segments. A {@code ..} at the root stays at the root if {@code clampAtRoot}, and is rejected
     * with an {@link IllegalArgumentException} otherwise.
     */
    static String normalize(String path, String base, boolean clampAtRoot) {
        Deque<String> segments = new ArrayDeque<>();
        String full = path.startsWith("/") ? path : base + "/" + path;
        for (String segment : full.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    if (clampAtRoot) {
                        continue;
                    }
                    throw new IllegalArgumentException("path escapes the file tree: " + path);
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static boolean checkNames(String normalized) {
        for (String segment : normalized.split("/")) {
            if (segment.length() > MAX_NAME_LENGTH) {
                return false;
            }
        }
        return true;
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

    private static long blocksFor(long bytes) {
        return (bytes + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    private FileSystemException noSpace(Path p) {
        return new FileSystemException(p.toString(), null, NO_SPACE);
    }

    /** Replaces Jimfs's bare "out of disk space" exception by a {@link #NO_SPACE} one. */
    private IOException translate(IOException e, Path p) {
        if (e.getClass() == IOException.class && "out of disk space".equals(e.getMessage())) {
            FileSystemException translated = noSpace(p);
            translated.initCause(e);
            return translated;
        }
        return e;
    }

    private static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> result = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private static Map<String, Object> attributesOf(Path p, String view, LinkOption... options)
            throws IOException {
        Map<String, Object> jimfs = Files.readAttributes(p, "unix:*", options);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : List.of(
                "lastModifiedTime", "lastAccessTime", "creationTime", "size",
                "isRegularFile", "isDirectory", "isSymbolicLink", "isOther", "fileKey")) {
            result.put(name, jimfs.get(name));
        }
        if (view.equals("basic")) {
            return result;
        }
        result.put("permissions", jimfs.get("permissions"));
        result.put("owner", jimfs.get("owner"));
        result.put("group", jimfs.get("group"));
        if (view.equals("posix")) {
            return result;
        }
        int type = Boolean.TRUE.equals(jimfs.get("isDirectory")) ? 0040000
                : Boolean.TRUE.equals(jimfs.get("isSymbolicLink")) ? 0120000
                : Boolean.TRUE.equals(jimfs.get("isRegularFile")) ? 0100000
                : 0;
        result.put("mode", type | ((Number) jimfs.get("mode")).intValue());
        result.put("ino", ((Number) jimfs.get("ino")).longValue());
        result.put("dev", ((Number) jimfs.get("dev")).longValue());
        result.put("rdev", ((Number) jimfs.get("rdev")).longValue());
        result.put("nlink", ((Number) jimfs.get("nlink")).intValue());
        result.put("uid", ((Number) jimfs.get("uid")).intValue());
        result.put("gid", ((Number) jimfs.get("gid")).intValue());
        result.put("ctime", (FileTime) jimfs.get("ctime"));
        return result;
    }

    /**
     * Reads through the language-home composite; every operation that modifies anything goes to the tree. The
     * composite of polyglot 25.0 reaches a language home through the host's full, writable file system (it is not
     * wrapped read-only), so a write routed through it would change the host's files: GraalPy's standard library,
     * shared by every later context. Here a guest can read its language's home and write only its own tree.
     */
    private final class GuestFileSystem implements FileSystem {
        private final FileSystem composite;

        GuestFileSystem(FileSystem composite) {
            this.composite = composite;
        }

        /** The absolute path in the tree ({@code composite} knows the guest's working directory). */
        private Path tree(Path path) {
            return composite.toAbsolutePath(path);
        }

        @Override
        public Path parsePath(URI uri) {
            return composite.parsePath(uri);
        }

        @Override
        public Path parsePath(String path) {
            return composite.parsePath(path);
        }

        @Override
        public void checkAccess(
                Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
                throws IOException {
            composite.checkAccess(path, modes, linkOptions);
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            MemoryFileSystem.this.createDirectory(tree(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            MemoryFileSystem.this.delete(tree(path));
        }

        @Override
        public SeekableByteChannel newByteChannel(
                Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            for (OpenOption option : options) {
                if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS) {
                    return MemoryFileSystem.this.newByteChannel(tree(path), options, attrs);
                }
            }
            return composite.newByteChannel(path, options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(
                Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
            return composite.newDirectoryStream(dir, filter);
        }

        @Override
        public Path toAbsolutePath(Path path) {
            return composite.toAbsolutePath(path);
        }

        @Override
        public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
            return composite.toRealPath(path, linkOptions);
        }

        @Override
        public Map<String, Object> readAttributes(
                Path path, String attributes, LinkOption... options) throws IOException {
            return composite.readAttributes(path, attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
                throws IOException {
            MemoryFileSystem.this.setAttribute(tree(path), attribute, value, options);
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            MemoryFileSystem.this.copy(tree(source), tree(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            MemoryFileSystem.this.move(
                    composite.toAbsolutePath(source), composite.toAbsolutePath(target), options);
        }

        @Override
        public void createLink(Path link, Path existing) throws IOException {
            MemoryFileSystem.this.createLink(tree(link), tree(existing));
        }

        @Override
        public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs)
                throws IOException {
            MemoryFileSystem.this.createSymbolicLink(tree(link), target, attrs);
        }

        @Override
        public Path readSymbolicLink(Path link) throws IOException {
            return composite.readSymbolicLink(link);
        }

        @Override
        public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
            composite.setCurrentWorkingDirectory(currentWorkingDirectory);
        }

        @Override
        public String getSeparator() {
            return composite.getSeparator();
        }

        @Override
        public String getPathSeparator() {
            return composite.getPathSeparator();
        }

        @Override
        public String getMimeType(Path path) {
            return composite.getMimeType(path);
        }

        @Override
        public java.nio.charset.Charset getEncoding(Path path) {
            return composite.getEncoding(path);
        }

        @Override
        public Path getTempDirectory() {
            return composite.getTempDirectory();
        }

        @Override
        public boolean isSameFile(Path path1, Path path2, LinkOption... options)
                throws IOException {
            return composite.isSameFile(path1, path2, options);
        }

        @Override
        public long getFileStoreTotalSpace(Path path) throws IOException {
            return composite.getFileStoreTotalSpace(path);
        }

        @Override
        public long getFileStoreUnallocatedSpace(Path path) throws IOException {
            return composite.getFileStoreUnallocatedSpace(path);
        }

        @Override
        public long getFileStoreUsableSpace(Path path) throws IOException {
            return composite.getFileStoreUsableSpace(path);
        }

        @Override
        public long getFileStoreBlockSize(Path path) throws IOException {
            return composite.getFileStoreBlockSize(path);
        }

        @Override
        public boolean isFileStoreReadOnly(Path path) throws IOException {
            return composite.isFileStoreReadOnly(path);
        }
    }

    /** A channel on a directory, as POSIX {@code open(dir, O_RDONLY)} gives: reads fail. */
    private static final class DirectoryChannel implements SeekableByteChannel {
        private final Path path;
        private volatile boolean open = true;

        DirectoryChannel(Path path) {
            this.path = path;
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            throw new FileSystemException(path.toString(), null, IS_A_DIRECTORY);
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            throw new java.nio.channels.NonWritableChannelException();
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
            throw new java.nio.channels.NonWritableChannelException();
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

    /** Reports Jimfs's quota exhaustion during writes as {@link #NO_SPACE}. */
    private final class QuotaChannel implements SeekableByteChannel {
        private final SeekableByteChannel delegate;
        private final Path path;

        QuotaChannel(SeekableByteChannel delegate, Path path) {
            this.delegate = delegate;
            this.path = path;
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            try {
                return delegate.write(src);
            } catch (IOException e) {
                throw translate(e, path);
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
}
