# why: repeated squaring: each step doubles the size of the number, and each multiplication takes about three
# why: times as long as the one before; it keeps only the last two numbers, so whether it is stopped by the memory
# why: limit (retained memory) or by the time limit first depends on the machine's speed
# why: one multiplication of numbers this size runs inside BigInteger.multiply, which no interrupt reaches: the last
# why: one may outlast the corpus's wait for an abandoned thread on a busy machine (it was seen at 5 s under load 10)
# expect: memory_limit, timeout
# limits: maxMemoryMb=64,timeoutMs=10000
# unstoppable: true
x = 7
while True:
    x = x * x
