-- why: dump the database to a host directory (the name is this case's marker)
-- expect: error
-- error-type: SqlError
EXPORT DATABASE '/tmp/sandlot-pwned-sql-export-database'
