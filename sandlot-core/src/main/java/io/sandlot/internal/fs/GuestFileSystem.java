package io.sandlot.internal.fs;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * Reads through the language-home composite; every operation that modifies anything goes to the tree. The
 * composite of polyglot 25.0 reaches a language home through the host's full, writable file system (it is not
 * wrapped read-only), so a write routed through it would change the host's files: GraalPy's standard library,
 * shared by every later context. Here a guest can read its language's home and write only its own tree.
 */
final class GuestFileSystem extends ForwardingFileSystem {

    private final MemoryFileSystem tree;

    /**
     * @param tree the guest's tree, which every modifying operation goes to
     * @param composite reads: the tree itself, or the tree with language-home access
     */
    GuestFileSystem(MemoryFileSystem tree, FileSystem composite) {
        super(composite);
        this.tree = tree;
    }

    /** The absolute path in the tree ({@code composite} knows the guest's working directory). */
    private Path inTree(Path path) {
        return delegate().toAbsolutePath(path);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        tree.createDirectory(inTree(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        tree.delete(inTree(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        for (OpenOption option : options) {
            if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS) {
                return tree.newByteChannel(inTree(path), options, attrs);
            }
        }
        return delegate().newByteChannel(path, options, attrs);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
            throws IOException {
        tree.setAttribute(inTree(path), attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        tree.copy(inTree(source), inTree(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        tree.move(inTree(source), inTree(target), options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        tree.createLink(inTree(link), inTree(existing));
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        tree.createSymbolicLink(inTree(link), target, attrs);
    }
}
