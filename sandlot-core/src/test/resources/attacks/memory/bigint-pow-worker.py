# why: one huge big-integer power is a single builtin call no in-process limit can stop; in a worker the caller gets
# why: timeout on time and the worker is killed
# expect: timeout, memory_limit, crashed
# limits: timeoutMs=1000
# policy: worker
10**(10**8)
