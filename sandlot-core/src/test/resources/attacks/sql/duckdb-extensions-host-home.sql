-- why: DuckDB's extension directory is under the host user's home, and duckdb_extensions() named it in its error (red-team finding 7)
-- expect: error
-- error-type: SqlError
SELECT * FROM duckdb_extensions()
