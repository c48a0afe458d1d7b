// why: a JS guest's sql() writes a host file (the name is this case's marker)
// expect: error
// error-type: Error
sql("COPY (SELECT 1 AS x) TO '/tmp/sandlot-pwned-sql-guest-copy-to'")
