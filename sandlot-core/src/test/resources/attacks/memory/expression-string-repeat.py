# why: a one-line expression answered without a fresh context builds a 2 GB string and holds it: the memory limit still stops it
# expect: memory_limit, error
# error-type: MemoryError
# then: [len([1, 2]), sorted([2, 1]), str(1), sum([1])]
# then-value: [2, [1, 2], "1", 1]
sum(1 for c in 'ab' * (10 ** 9))
