# why: a result nested a million levels deep
# expect: ok, output_limit, error
a = []
for _ in range(1000000):
    a = [a]
a
