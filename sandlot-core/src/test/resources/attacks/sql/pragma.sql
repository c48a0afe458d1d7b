-- why: a PRAGMA changes settings outside SET
-- expect: error
-- error-type: SqlError
PRAGMA threads = 8
