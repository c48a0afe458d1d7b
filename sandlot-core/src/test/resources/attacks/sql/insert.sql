-- why: write into an input table
-- expect: error
-- error-type: SqlError
INSERT INTO host SELECT * FROM host
