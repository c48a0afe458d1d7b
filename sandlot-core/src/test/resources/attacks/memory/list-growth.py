# why: unbounded growth of live data
# expect: memory_limit
# limits: maxMemoryMb=64
a = []
while True:
    a.append([1.5] * 10000)
