# why: repeated squaring: each step doubles the size of the number
# expect: memory_limit
# limits: maxMemoryMb=64,timeoutMs=10000
x = 7
while True:
    x = x * x
