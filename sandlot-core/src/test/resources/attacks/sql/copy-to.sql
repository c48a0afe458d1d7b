-- why: write a host file with COPY ... TO (the name is this case's marker)
-- expect: error
-- error-type: SqlError
COPY (SELECT 1 AS x) TO '/tmp/sandlot-pwned-sql-copy-to'
