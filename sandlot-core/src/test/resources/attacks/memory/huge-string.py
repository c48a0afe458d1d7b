# why: one huge string (1 GiB)
# expect: memory_limit, error
# limits: maxMemoryMb=64
len('x' * 2 ** 30)
