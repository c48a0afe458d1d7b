-- why: a DELETE inside a CTE passes syntax checks that look for a SELECT; the tables are read-only
-- expect: error
-- error-type: SqlError
WITH d AS (DELETE FROM host RETURNING *) SELECT * FROM d
