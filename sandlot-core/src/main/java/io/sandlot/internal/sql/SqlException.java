package io.sandlot.internal.sql;

/**
 * A query that failed or was refused, with a message fit for the guest: DuckDB's own message, or why the sandbox
 * refused the query. It never carries a host stack trace to the guest; the cause is for the host's logs.
 */
public final class SqlException extends RuntimeException {

    SqlException(String message) {
        super(message, null, false, false);
    }

    SqlException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * Whether DuckDB stopped the query at its {@code memory_limit} (its "Out of Memory Error"): the query needed more
     * memory than the execution may use, a limit hit rather than a mistake in the query.
     */
    public boolean isOutOfMemory() {
        return String.valueOf(getMessage()).startsWith(DUCKDB_OUT_OF_MEMORY);
    }

    private static final String DUCKDB_OUT_OF_MEMORY = "Out of Memory Error";
}
