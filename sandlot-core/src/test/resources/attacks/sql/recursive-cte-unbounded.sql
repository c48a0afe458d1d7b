-- why: a recursive CTE without an end
-- expect: error, timeout, cpu_limit, memory_limit
-- limits: timeoutMs=2000,maxMemoryMb=64
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r
