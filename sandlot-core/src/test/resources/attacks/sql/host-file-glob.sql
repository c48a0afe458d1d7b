-- why: list host directories
-- expect: error
-- error-type: SqlError
SELECT * FROM glob('/*')
