-- why: read the host's environment
-- expect: error
-- error-type: SqlError
SELECT getenv('HOME') AS home
