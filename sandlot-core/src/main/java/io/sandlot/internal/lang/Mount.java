package io.sandlot.internal.lang;

import io.sandlot.internal.fs.MemoryFileSystem;
import java.util.Map;
import org.graalvm.polyglot.io.FileSystem;

/** The files a language's contexts see: the guest's own tree and what the language's runtime needs beside it. */
public interface Mount {

    /** The file system of a context whose guest files are {@code files}. */
    FileSystem fileSystem(MemoryFileSystem files);

    /** Context options that name what is mounted. */
    Map<String, String> options();
}
