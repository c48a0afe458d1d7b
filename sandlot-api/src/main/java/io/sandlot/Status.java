package io.sandlot;

/**
 * How an execution ended. Every outcome, including every limit, has its own status; only misuse of the API
 * and infrastructure faults are thrown as exceptions.
 */
public enum Status {
    /** The guest ran to completion. */
    OK("ok"),
    /**
     * The guest raised an error (syntax error, uncaught exception, exit call), or provoked a fault of the language
     * runtime itself (error type {@code InternalError}).
     */
    ERROR("error"),
    /** The wall-time limit ({@link Limits#timeoutMs()}) was reached. */
    TIMEOUT("timeout"),
    /** The CPU-time limit ({@link Limits#cpuTimeMs()}) was reached. */
    CPU_LIMIT("cpu_limit"),
    /** The guest retained more than {@link Limits#maxMemoryMb()}, or ran out of memory. */
    MEMORY_LIMIT("memory_limit"),
    /** The statement limit ({@link Limits#maxStatements()}) was reached. */
    STATEMENT_LIMIT("statement_limit"),
    /** Output or the result value exceeded {@link Limits#maxOutputBytes()}; output is truncated at the limit. */
    OUTPUT_LIMIT("output_limit"),
    /** The display outputs plus the artifacts outnumbered {@link Limits#maxOutputs()}; those that fit are kept. */
    OUTPUT_COUNT_LIMIT("output_count_limit"),
    /**
     * The display outputs plus the artifacts exceeded {@link Limits#maxArtifactBytes()} in size; those that fit are
     * kept.
     */
    ARTIFACT_LIMIT("artifact_limit"),
    /** The caller cancelled the execution, or the sandbox was shut down during it. */
    CANCELLED("cancelled"),
    /** The guest failed after trying something the policy forbids (for example writing to a read-only file system). */
    DENIED("denied"),
    /** The worker process running the guest died ({@link Isolation#WORKER} only), for example of a heap overflow. */
    CRASHED("crashed"),
    /** The sandbox itself failed (its own code, or a context that could not be made); the guest is not to blame. */
    INTERNAL_ERROR("internal_error");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    /** The name used in JSON and on the command line, such as {@code memory_limit}. */
    public String id() {
        return id;
    }

    /** True for the statuses that mean a limit stopped the guest. */
    public boolean isLimit() {
        return switch (this) {
            case TIMEOUT, CPU_LIMIT, MEMORY_LIMIT, STATEMENT_LIMIT, OUTPUT_LIMIT, OUTPUT_COUNT_LIMIT, ARTIFACT_LIMIT -> true;
            default -> false;
        };
    }

    /**
     * The exit code a process reports for a result with this status, as {@code sandlot run} and MCP's
     * {@code execute_code} do: 0 ok, 1 a guest error or a denied door, 3 a limit stopped the guest, 70 anything else
     * (cancelled, crashed, internal; sysexits' {@code EX_SOFTWARE}).
     */
    public int exitCode() {
        if (isLimit()) {
            return 3;
        }
        return switch (this) {
            case OK -> 0;
            case ERROR, DENIED -> 1;
            default -> 70;
        };
    }

    /** Returns the status whose {@link #id()} is {@code id}. */
    public static Status of(String id) {
        for (Status status : values()) {
            if (status.id.equals(id)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
