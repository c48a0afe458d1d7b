-- why: attach (and so create) a writable database file on the host (the name is this case's marker)
-- expect: error
-- error-type: SqlError
ATTACH '/tmp/sandlot-pwned-sql-attach' AS pwned
