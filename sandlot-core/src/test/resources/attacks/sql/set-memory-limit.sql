-- why: lift DuckDB's memory limit
-- expect: error
-- error-type: SqlError
SET memory_limit = '100GB'
