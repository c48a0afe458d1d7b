# why: a one-line expression of 10^10 steps answered without a fresh context: the time limit still stops it
# expect: timeout, cpu_limit
# limits: timeoutMs=1000
# then: sum(v * 2 for v in [1, 2, 3])
# then-value: 12
sum(1 for v in [0] * (10 ** 7) for w in [0] * (10 ** 3))
