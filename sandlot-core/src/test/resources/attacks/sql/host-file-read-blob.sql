-- why: read_blob reads any host file as bytes
-- expect: error
-- error-type: SqlError
SELECT * FROM read_blob('/etc/hostname')
