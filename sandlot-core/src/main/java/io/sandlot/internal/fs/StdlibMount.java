package io.sandlot.internal.fs;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * A guest file system with host directories mounted under neutral names: what a language's standard library reads
 * beside the guest's own tree, such as GraalPy's home (under {@code /usr/lib/graalpy}), its bytecode cache (under
 * {@code /var/cache/graalpy}) and the host's time zone database (under {@code /usr/share/zoneinfo}). Guests see only
 * the neutral names, never the host paths; every other path goes to the guest's own tree.
 *
 * <p>A mount is read-only unless its {@link Directory#writable()} is set, which the host does for its own compile
 * step, never for a guest. Paths are normalised before they are matched, so {@code ..} cannot leave a mount, and a
 * host path whose real location lies outside its mount (a symbolic link) does not exist for the guest. What involves
 * no mount, and what does not depend on the path, goes to the tree.
 */
public final class StdlibMount extends ForwardingFileSystem {

    /**
     * A host directory shown to guests.
     *
     * @param guest the neutral absolute name guests see, e.g. {@code /usr/lib/graalpy}
     * @param host the directory on the host (need not exist)
     * @param writable whether writes reach the host (the host's own compile step only)
     */
    public record Directory(Path guest, Path host, boolean writable) {
        public Directory {
            if (!guest.isAbsolute()) {
                throw new IllegalArgumentException("a mount's guest name must be absolute: " + guest);
            }
        }
    }

    private final FileSystem tree;
    private final List<Mount> mounts;

    /** A mount: its neutral name, its host directory, that directory's real path, and how it is reached. */
    private record Mount(Path guest, Path host, Path real, FileSystem fs, boolean writable) {
        Mount(Directory directory, FileSystem readOnly) {
            this(directory.guest().normalize(), directory.host().toAbsolutePath().normalize(), readOnly,
                    directory.writable());
        }

        private Mount(Path guest, Path host, FileSystem readOnly, boolean writable) {
            this(guest, host, realOrSelf(host), writable ? FileSystem.newDefaultFileSystem() : readOnly, writable);
        }
    }

    /**
     * @param tree the guest's own file system, for every path outside the mounts
     * @param directories the mounts; none may lie inside another
     */
    public StdlibMount(FileSystem tree, List<Directory> directories) {
        super(tree);
        this.tree = tree;
        FileSystem readOnly = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
        List<Mount> list = new ArrayList<>();
        for (Directory directory : directories) {
            Mount mount = new Mount(directory, readOnly);
            for (Mount other : list) {
                if (mount.guest.startsWith(other.guest) || other.guest.startsWith(mount.guest)) {
                    throw new IllegalArgumentException("mounts " + other.guest + " and " + mount.guest + " overlap");
                }
            }
            list.add(mount);
        }
        this.mounts = List.copyOf(list);
    }

    /**
     * Whether {@code path} is a native library in a mount, which guests never see: they cannot load native code,
     * and GraalPy reports a found but unloadable extension module as a {@code SystemError} where the standard library
     * expects an {@code ImportError} ({@code getpass} importing {@code termios}, for example).
     */
    private static boolean hidden(Mount mount, Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return mount != null && (name.endsWith(".so") || name.contains(".so."));
    }

    /** The mount holding {@code path} (absolute, normalised), or null. */
    private Mount mount(Path path) {
        for (Mount mount : mounts) {
            if (path.startsWith(mount.guest)) {
                return mount;
            }
        }
        return null;
    }

    private Path absolute(Path path) {
        return tree.toAbsolutePath(path).normalize();
    }

    private static Path host(Mount mount, Path guest) {
        return mount.host.resolve(mount.guest.relativize(guest).toString());
    }

    private static Path guest(Mount mount, Path host) {
        Path relative = mount.host.relativize(host);
        return relative.toString().isEmpty() ? mount.guest : mount.guest.resolve(relative.toString());
    }

    private static void requireWritable(Mount mount, Path guest) throws IOException {
        if (!mount.writable) {
            throw new AccessDeniedException(guest.toString(), null, "read-only file system");
        }
    }

    private static Path realOrSelf(Path host) {
        try {
            return host.toRealPath();
        } catch (IOException e) {
            return host;
        }
    }

    private static Path realRoot(Mount mount) {
        return mount.real;
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
            throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        if (mount == null) {
            tree.checkAccess(path, modes, linkOptions);
            return;
        }
        if (modes.contains(AccessMode.WRITE)) {
            requireWritable(mount, guest);
        }
        mount.fs.checkAccess(inside(mount, guest), modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Path guest = absolute(dir);
        Mount mount = mount(guest);
        if (mount == null) {
            tree.createDirectory(dir, attrs);
            return;
        }
        requireWritable(mount, guest);
        mount.fs.createDirectory(host(mount, guest), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        if (mount == null) {
            tree.delete(path);
            return;
        }
        requireWritable(mount, guest);
        mount.fs.delete(host(mount, guest));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        if (mount == null) {
            return tree.newByteChannel(path, options, attrs);
        }
        for (OpenOption option : options) {
            if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS) {
                requireWritable(mount, guest);
            }
        }
        return mount.fs.newByteChannel(inside(mount, guest), options, attrs);
    }

    /** The host path of {@code guest}, if its real location is inside the mount and it is not hidden. */
    private static Path inside(Mount mount, Path guest) throws IOException {
        if (hidden(mount, guest)) {
            throw new NoSuchFileException(guest.toString());
        }
        Path host = host(mount, guest);
        Path real;
        try {
            real = mount.fs.toRealPath(host);
        } catch (NoSuchFileException e) {
            return host;   // a file about to be created; its parent is checked by the host file system
        }
        if (!real.startsWith(realRoot(mount))) {
            throw new NoSuchFileException(guest.toString());
        }
        return host;
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Path guest = absolute(dir);
        Mount mount = mount(guest);
        if (mount == null) {
            return tree.newDirectoryStream(dir, filter);
        }
        DirectoryStream<Path> entries = mount.fs.newDirectoryStream(inside(mount, guest),
                entry -> !hidden(mount, entry) && filter.accept(guest(mount, entry)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> hosts = entries.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return hosts.hasNext();
                    }

                    @Override
                    public Path next() {
                        return guest(mount, hosts.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                entries.close();
            }
        };
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        if (mount == null) {
            return tree.toRealPath(path, linkOptions);
        }
        Path real = mount.fs.toRealPath(inside(mount, guest), linkOptions);
        Path root = realRoot(mount);
        if (!real.startsWith(root)) {
            throw new NoSuchFileException(guest.toString());
        }
        Path relative = root.relativize(real);
        return relative.toString().isEmpty() ? mount.guest : mount.guest.resolve(relative.toString());
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        if (mount == null) {
            return tree.readAttributes(path, attributes, options);
        }
        return mount.fs.readAttributes(inside(mount, guest), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
            throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        if (mount == null) {
            tree.setAttribute(path, attribute, value, options);
            return;
        }
        requireWritable(mount, guest);
        mount.fs.setAttribute(host(mount, guest), attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        Path from = absolute(source);
        Path to = absolute(target);
        if (mount(from) == null && mount(to) == null) {
            tree.copy(source, target, options);
            return;
        }
        throw new AccessDeniedException(from.toString(), to.toString(), "read-only file system");
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Path from = absolute(source);
        Path to = absolute(target);
        Mount a = mount(from);
        Mount b = mount(to);
        if (a == null && b == null) {
            tree.move(source, target, options);
            return;
        }
        if (a != b || !a.writable) {
            throw new AccessDeniedException(from.toString(), to.toString(), "read-only file system");
        }
        a.fs.move(host(a, from), host(b, to), options);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        Path guest = absolute(link);
        if (mount(guest) != null) {
            throw new java.nio.file.NotLinkException(guest.toString());
        }
        return tree.readSymbolicLink(link);
    }

    @Override
    public String getMimeType(Path path) {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        return mount == null ? tree.getMimeType(path) : mount.fs.getMimeType(host(mount, guest));
    }

    @Override
    public Charset getEncoding(Path path) {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        return mount == null ? tree.getEncoding(path) : mount.fs.getEncoding(host(mount, guest));
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        Path a = absolute(path1);
        Path b = absolute(path2);
        if (mount(a) == null && mount(b) == null) {
            return tree.isSameFile(path1, path2, options);
        }
        return a.equals(b);
    }

    @Override
    public boolean isFileStoreReadOnly(Path path) throws IOException {
        Path guest = absolute(path);
        Mount mount = mount(guest);
        return mount == null ? tree.isFileStoreReadOnly(path) : !mount.writable;
    }
}
