package io.sandlot.service;

import io.sandlot.Session;
import java.util.List;

/**
 * The files of one session.
 *
 * @param files every regular file, sorted by path
 * @param totalBytes their total size
 * @param quotaBytes the most the session may hold
 */
public record SessionFiles(List<Session.FileInfo> files, long totalBytes, long quotaBytes) {

    /** Copies {@code files}. */
    public SessionFiles {
        files = List.copyOf(files);
    }
}
