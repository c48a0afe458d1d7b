-- why: a 10^16-row cross join
-- expect: timeout, cpu_limit, memory_limit
-- limits: timeoutMs=1000
SELECT count(*) FROM range(100000000) a, range(100000000) b
