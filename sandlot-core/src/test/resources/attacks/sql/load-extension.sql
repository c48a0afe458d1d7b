-- why: load an extension's native code
-- expect: error
-- error-type: SqlError
LOAD httpfs
