# why: a result nested deeper than the converter goes
# expect: ok, error
a = [1]
for _ in range(100000):
    a = [a]
a
