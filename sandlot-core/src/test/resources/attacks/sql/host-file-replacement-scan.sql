-- why: a file path in FROM is read by a replacement scan when no table has that name
-- expect: error
-- error-type: SqlError
SELECT * FROM '/etc/passwd'
