import itertools as it
import operator

sales = [("east", "q1", 10), ("east", "q2", 15), ("west", "q1", 7), ("west", "q2", 3), ("west", "q3", 9), ("north", "q1", 1)]
for region, rows in it.groupby(sales, key=operator.itemgetter(0)):
    rows = list(rows)
    print(region, len(rows), sum(r[2] for r in rows))
print(list(it.accumulate([1, 2, 3, 4, 5])))
print(list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.combinations("ABCD", 2)))
print(len(list(it.permutations(range(5), 3))))
print(list(it.product([0, 1], repeat=3)))
print(list(it.chain([1, 2], (3,), "ab")))
print(list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.islice(it.count(10, 5), 4)))
print(list(it.islice(it.cycle("xyz"), 7)))
print(list(it.zip_longest("abc", [1], fillvalue="-")))
print(list(it.pairwise([1, 4, 9, 16])))
print(list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee(range(3))
print(list(a), list(b))
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))))
print(list(it.combinations_with_replacement([1, 2, 3], 2)))
print(list(it.repeat("ha", 3)))
print(["".join(p) for p in it.permutations("abc")])
def batched(iterable, n):
    iterator = iter(iterable)
    while chunk := tuple(it.islice(iterator, n)):
        yield chunk
print(list(batched(range(10), 4)))
print([k for k, _ in it.groupby("aaabbbcccaa")], [len(list(g)) for _, g in it.groupby("aaabbbcccaa")])
