-- why: one 100 MB string as the value
-- expect: output_limit, error, memory_limit
SELECT repeat('x', 100000000) AS s
