package io.sandlot.internal.fs;

import java.nio.file.FileSystemException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The names of a {@link MemoryFileSystem}'s tree: normalised absolute paths, with POSIX's limits on the length of a
 * path and of each name in it. Guest paths that climb above the root stay at the root; host-side paths that do are
 * rejected.
 */
final class TreePaths {

    /** The longest name of one file or directory, in characters. */
    static final int MAX_NAME_LENGTH = 255;

    /** The longest path, in characters. */
    static final int MAX_PATH_LENGTH = 4096;

    private static final String NAME_TOO_LONG = "File name too long";

    private TreePaths() {
    }

    /**
     * The normalised form of an initial working directory.
     *
     * @throws IllegalArgumentException if it is not a valid absolute path
     */
    static String workingDirectory(String path) {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0 || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("working directory must be an absolute path: " + path);
        }
        String normalized = normalize(path, "/", false);
        if (!namesFit(normalized)) {
            throw new IllegalArgumentException(
                    "working directory has a name longer than " + MAX_NAME_LENGTH + " characters");
        }
        return normalized;
    }

    /**
     * The normalised absolute name of a guest path, relative ones resolved against {@code currentDirectory}.
     *
     * @throws FileSystemException with reason {@code "File name too long"} (ENAMETOOLONG)
     */
    static String guest(String path, String currentDirectory) throws FileSystemException {
        if (path.length() > MAX_PATH_LENGTH) {
            throw new FileSystemException(path, null, NAME_TOO_LONG);
        }
        String normalized = normalize(path, currentDirectory, true);
        if (!namesFit(normalized)) {
            throw new FileSystemException(path, null, NAME_TOO_LONG);
        }
        return normalized;
    }

    /**
     * The normalised absolute name of a host-side path, relative ones resolved against {@code workingDirectory}.
     *
     * @throws IllegalArgumentException if the path is empty, contains a NUL byte, names the root, is too long or
     *     leaves the tree through {@code ..}
     */
    static String host(String path, String workingDirectory) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path contains a NUL byte: " + path.replace('\0', '?'));
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        String normalized = normalize(path, workingDirectory, false);
        if (normalized.equals("/")) {
            throw new IllegalArgumentException("path names the root directory: " + path);
        }
        if (!namesFit(normalized)) {
            throw new IllegalArgumentException(
                    "path has a name longer than " + MAX_NAME_LENGTH + " characters: " + path);
        }
        return normalized;
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

    private static boolean namesFit(String normalized) {
        for (String segment : normalized.split("/")) {
            if (segment.length() > MAX_NAME_LENGTH) {
                return false;
            }
        }
        return true;
    }
}
