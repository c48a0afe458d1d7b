-- why: scan 10^12 rows
-- expect: timeout, cpu_limit
-- limits: timeoutMs=1000
SELECT count(*) FROM range(1000000000000)
