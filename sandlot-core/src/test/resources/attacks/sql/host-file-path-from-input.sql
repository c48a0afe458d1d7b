-- why: read the runner's sentinel file, its path taken from the input table
-- expect: error
-- error-type: SqlError
SELECT * FROM read_text((SELECT sentinel FROM host))
