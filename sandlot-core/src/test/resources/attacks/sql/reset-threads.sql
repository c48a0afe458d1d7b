-- why: reset a locked setting to DuckDB's default (all cores)
-- expect: error
-- error-type: SqlError
RESET threads
