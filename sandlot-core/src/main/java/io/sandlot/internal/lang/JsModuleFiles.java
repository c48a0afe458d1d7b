package io.sandlot.internal.lang;

import io.sandlot.internal.fs.ForwardingFileSystem;
import io.sandlot.internal.fs.ReadOnlyChannel;
import io.sandlot.internal.io.GuestUtf8;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The files a JS context sees: the guest's own ({@code delegate}), and node's builtin modules as ES modules, so that
 * {@code import fs from 'fs'} and {@code import { readFileSync } from 'node:fs'} work as in node. GraalJS resolves a
 * bare specifier ({@code 'fs'}) by asking the file system to parse it as a path, and a {@code node:} one by asking
 * it to parse the URI; both become a path under {@value #ROOT}, which no guest file can stand for (whatever the
 * guest's tree holds there), and whose content is a small module made by the context's {@code require}
 * ({@link JsLibraries}): its default export is what {@code require} returns, its named exports that object's own
 * enumerable properties, as node makes a builtin's. A bare specifier that names no builtin is a module not found,
 * as in node (no {@code node_modules} here); paths ({@code ./lib.mjs}, {@code /work/a.js}) are the guest's files.
 */
final class JsModuleFiles extends ForwardingFileSystem {

    /** Where the builtins seem to be. */
    static final String ROOT = "/.sandlot-node-builtins";
    /** The polyglot binding of the guest function that makes a builtin's module text (null for no such builtin). */
    static final String MODULE_TEXT = "sandlot.esm";

    JsModuleFiles(FileSystem delegate) {
        super(delegate);
    }

    @Override
    public Path parsePath(String path) {
        return isBare(path) ? builtin(path) : super.parsePath(path);
    }

    @Override
    public Path parsePath(URI uri) {
        if ("node".equals(uri.getScheme()) && uri.getSchemeSpecificPart() != null) {
            return builtin("node:" + uri.getSchemeSpecificPart());
        }
        return super.parsePath(uri);
    }

    /** Neither a path ({@code /}, {@code ./}, {@code ../}, {@code .}) nor a URL: what node takes for a package. */
    private static boolean isBare(String specifier) {
        return !specifier.isEmpty() && !specifier.startsWith("/") && !specifier.equals(".") && !specifier.equals("..")
                && !specifier.startsWith("./") && !specifier.startsWith("../") && !specifier.contains(":")
                && !specifier.contains("\0");
    }

    private Path builtin(String specifier) {
        return super.parsePath(ROOT + "/" + specifier);
    }

    /** The specifier a path under {@link #ROOT} stands for, or null for any other path. */
    private static String specifier(Path path) {
        String name = path.toString();
        return name.startsWith(ROOT + "/") ? name.substring(ROOT.length() + 1) : null;
    }

    /** The module text of the builtin {@code specifier}, made by the current context's require. */
    private static byte[] text(String specifier) throws IOException {
        Value make = Context.getCurrent().getPolyglotBindings().getMember(MODULE_TEXT);
        Value text = make == null ? null : make.execute(specifier);
        if (text == null || !text.isString()) {
            throw new NoSuchFileException(specifier);
        }
        return GuestUtf8.encode(text.asString());
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
            throws IOException {
        String specifier = specifier(path);
        if (specifier == null) {
            super.checkAccess(path, modes, linkOptions);
        } else if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new AccessDeniedException(specifier);
        }
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return specifier(path) == null ? super.toAbsolutePath(path) : path;
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return specifier(path) == null ? super.toRealPath(path, linkOptions) : path;
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        String specifier = specifier(path);
        if (specifier == null) {
            return super.readAttributes(path, attributes, options);
        }
        FileTime epoch = FileTime.fromMillis(0);
        Map<String, Object> found = new HashMap<>();
        found.put("isRegularFile", true);
        found.put("isDirectory", false);
        found.put("isSymbolicLink", false);
        found.put("isOther", false);
        found.put("size", 0L);
        found.put("lastModifiedTime", epoch);
        found.put("lastAccessTime", epoch);
        found.put("creationTime", epoch);
        return found;
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        String specifier = specifier(path);
        if (specifier == null) {
            return super.newByteChannel(path, options, attrs);
        }
        for (OpenOption option : options) {
            if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS) {
                throw new AccessDeniedException(specifier);
            }
        }
        return ReadOnlyChannel.of(text(specifier));
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        refuse(dir);
        super.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        refuse(path);
        super.delete(path);
    }

    private static void refuse(Path path) throws IOException {
        if (specifier(path) != null) {
            throw new AccessDeniedException(path.toString());
        }
    }
}
