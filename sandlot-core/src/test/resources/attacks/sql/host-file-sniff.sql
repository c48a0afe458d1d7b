-- why: sniff_csv opens the file to guess its dialect
-- expect: error
-- error-type: SqlError
SELECT * FROM sniff_csv('/etc/passwd')
