-- why: read a host file with a table function
-- expect: error
-- error-type: SqlError
SELECT * FROM read_csv('/etc/passwd')
