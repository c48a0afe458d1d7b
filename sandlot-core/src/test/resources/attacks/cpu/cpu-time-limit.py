# why: the CPU-time limit fires before the wall-time one
# expect: cpu_limit
# limits: cpuTimeMs=300,timeoutMs=10000
x = 0
while True:
    x = (x * 31 + 7) % 1000003
