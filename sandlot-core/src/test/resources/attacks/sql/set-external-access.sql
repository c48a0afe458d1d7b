-- why: turn external access back on
-- expect: error
-- error-type: SqlError
SET enable_external_access = true
