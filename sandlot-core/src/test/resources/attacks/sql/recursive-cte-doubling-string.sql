-- why: a recursive CTE whose string doubles each step
-- expect: error, timeout, cpu_limit, memory_limit
-- limits: timeoutMs=5000,maxMemoryMb=64
WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r WHERE length(s) < 1000000000000) SELECT max(length(s)) FROM r
