-- why: read a host file as text
-- expect: error
-- error-type: SqlError
SELECT * FROM read_text('/etc/hostname')
