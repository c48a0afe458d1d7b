-- why: download an extension (network, then native code)
-- expect: error
-- error-type: SqlError
INSTALL httpfs
