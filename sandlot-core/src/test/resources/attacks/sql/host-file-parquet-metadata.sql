-- why: parquet_metadata opens a host file to read its footer
-- expect: error
-- error-type: SqlError
SELECT * FROM parquet_metadata('/etc/hostname')
