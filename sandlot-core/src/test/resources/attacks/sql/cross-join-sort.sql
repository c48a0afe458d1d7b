-- why: sort a 10^10-row cross join, which must hold it all: DuckDB's memory limit, not the host, gives
-- expect: error, timeout, cpu_limit, memory_limit
-- limits: timeoutMs=5000,maxMemoryMb=64
SELECT a.range + b.range AS s FROM range(100000) a, range(100000) b ORDER BY s DESC
