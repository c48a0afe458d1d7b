package io.sandlot.internal.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File attributes of the tree in the form GraalPy expects: the {@code basic}, {@code posix} and {@code unix} views
 * read from Jimfs, with {@code unix:mode} carrying the file-type bits, and a mode turned into permissions.
 */
final class PosixAttributes {

    private static final List<String> BASIC = List.of("lastModifiedTime", "lastAccessTime", "creationTime", "size",
            "isRegularFile", "isDirectory", "isSymbolicLink", "isOther", "fileKey");

    /** The permission of each mode bit, from bit 0 ({@code 0001}) up. */
    private static final PosixFilePermission[] MODE_BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ,
    };

    private PosixAttributes() {
    }

    /**
     * Reads {@code attributes}, such as {@code "size"}, {@code "posix:*"} or {@code "unix:mode,ino"}, of the file at
     * {@code p} in the tree.
     *
     * @throws UnsupportedOperationException for a view other than {@code basic}, {@code posix} and {@code unix}
     * @throws IllegalArgumentException for an attribute the view does not have
     */
    static Map<String, Object> read(Path p, String attributes, LinkOption... linkOptions) throws IOException {
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        String names = colon < 0 ? attributes : attributes.substring(colon + 1);
        if (!view.equals("basic") && !view.equals("posix") && !view.equals("unix")) {
            throw new UnsupportedOperationException("unsupported attribute view: " + view);
        }
        Map<String, Object> all = all(p, view, linkOptions);
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

    /** The permissions of the low nine bits of a {@code unix:mode}. */
    static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < MODE_BITS.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(MODE_BITS[i]);
            }
        }
        return result;
    }

    private static Map<String, Object> all(Path p, String view, LinkOption... options) throws IOException {
        Map<String, Object> jimfs = Files.readAttributes(p, "unix:*", options);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : BASIC) {
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
}
