// why: one single huge allocation (1 GiB of characters)
// expect: memory_limit, error
// limits: maxMemoryMb=64
'x'.repeat(2 ** 29).length
