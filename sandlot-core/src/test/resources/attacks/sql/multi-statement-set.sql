-- why: a SET hidden before a query
-- expect: error
-- error-type: SqlError
SET threads = 8; SELECT current_setting('threads')
