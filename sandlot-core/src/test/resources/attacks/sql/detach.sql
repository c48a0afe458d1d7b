-- why: detach the tables' database
-- expect: error
-- error-type: SqlError
DETACH tables
