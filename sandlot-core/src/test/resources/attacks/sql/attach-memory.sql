-- why: attach a writable in-memory database to get a scratch catalog
-- expect: error
-- error-type: SqlError
ATTACH ':memory:' AS scratch
