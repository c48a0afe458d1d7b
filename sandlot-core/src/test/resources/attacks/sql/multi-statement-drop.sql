-- why: JDBC runs every statement of a string; the second drops the table
-- expect: error
-- error-type: SqlError
SELECT 1; DROP TABLE host
