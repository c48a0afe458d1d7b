package io.sandlot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful guest, like a notebook kernel: variables, functions and imports persist from one execution to the
 * next, and a private in-memory file system (the guest's working directory {@code /work}) holds files the host
 * uploads and files the guest writes. Obtained from {@link Sandbox#openSession(Language)}; thread-safe, but runs
 * one execution at a time.
 *
 * <p>A limit stops the running execution and, where the engine allows it (an interrupt that lands), keeps the
 * session usable; a guest that ignores the interrupt costs the session: it is closed, and later executions get
 * {@link Status#CANCELLED}. {@link #isOpen()} tells.
 */
public interface Session extends AutoCloseable {

    /** A unique, unguessable id. */
    String id();

    /** The session's language. */
    Language language();

    /**
     * Runs {@code code} in the session and waits for the result.
     *
     * @throws IllegalArgumentException as {@link Sandbox#execute(ExecutionRequest)}
     * @throws IllegalStateException if another execution of this session is running
     */
    ExecutionResult execute(String code, Map<String, ?> inputs);

    /**
     * Runs {@code code} in the session as {@link #execute(String, Map)} does, telling {@code listener} what the
     * guest writes and shows as it does, in the guest's order. A session that cannot report during the run (this
     * default) tells it everything once the result is in, as {@link OutputListener#replay} does.
     */
    default ExecutionResult execute(String code, Map<String, ?> inputs, OutputListener listener) {
        ExecutionResult result = execute(code, inputs);
        OutputListener.replay(result, listener);
        return result;
    }

    /** Runs {@code code} without inputs; see {@link #execute(String, Map)}. */
    default ExecutionResult execute(String code) {
        return execute(code, Map.of());
    }

    /**
     * Stops the running execution, if any, the way a limit does: the guest is interrupted, that execution's result
     * says {@link Status#CANCELLED}, and the session stays open with its state, unless the guest ignores the
     * interrupt (then the session is closed, as after a limit).
     *
     * @return true if an execution was running
     * @throws UnsupportedOperationException if this session cannot interrupt its guest (the default)
     */
    default boolean interrupt() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot interrupt its guest");
    }

    /**
     * Writes a file into the session's tree; relative paths are relative to {@code /work}. Counts against the
     * policy's {@link Policy#fileSystemQuotaBytes() file system quota}.
     *
     * @throws IllegalArgumentException if the path is invalid or leaves the tree, or the file does not fit
     */
    void writeFile(String path, byte[] data);

    /** The bytes of a file, if it exists. */
    Optional<byte[]> readFile(String path);

    /** Every regular file in the session's tree, sorted by path. */
    List<FileInfo> listFiles();

    /** Deletes a file; false if there was none. */
    boolean deleteFile(String path);

    /** False once the session was closed, by {@link #close()} or because a guest could not be stopped. */
    boolean isOpen();

    /** Milliseconds since the session last started or finished an execution or file operation. */
    long idleMillis();

    /** Closes the session and frees its context and files. Idempotent. */
    @Override
    void close();

    /**
     * A file in a session's tree.
     *
     * @param path absolute path inside the tree, such as {@code /work/data.csv}
     * @param size size in bytes
     */
    record FileInfo(String path, long size) {
    }
}
