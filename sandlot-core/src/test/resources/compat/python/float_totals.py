# An agent's totals over prices, amounts and scores. Python 3.12's sum() adds floats with compensation
# (sum([0.1] * 10) == 1.0), where 3.11 and GraalPy's own sum lost the last digit: expected output from CPython 3.12.
import csv
import io
import statistics

rows = list(csv.DictReader(io.StringIO("""item,price,qty
coffee,3.10,2
tea,2.20,3
cake,4.35,1
juice,2.95,4
water,0.10,10
""")))
prices = [float(r['price']) for r in rows]
amounts = [float(r['price']) * int(r['qty']) for r in rows]
print('prices', sum(prices), 'amounts', sum(amounts), 'mean', statistics.mean(prices))
print('generator', sum(float(r['price']) * int(r['qty']) for r in rows), 'tuple', sum(tuple(prices)))
print('start', sum(prices, 100), sum(prices, 0.5), sum([1, 2, 3], 0.5), sum([], 0.0), sum([-0.0]), sum([-0.0], -0.0))
print('tenths', sum([0.1] * 10), sum([0.1] * 1000), sum([88.5, 92.3, 79.9]), sum([1e100, 1.0, -1e100, 1.0]))
scores = [i / 7 for i in range(1, 5001)] + [i for i in range(100)] + [0.1] * 333
print('long', sum(scores), sum(sorted(scores)), sum(reversed(scores)))
mixed = [2 ** 53, 1, 0.5, 0.25, True] + [0.1] * 40
print('mixed', sum(mixed), sum([2 ** 62, 2 ** 62, 0.5, 0.25] + [0.1] * 30), sum([10 ** 30, 0.1, 0.2] * 10))
print('ints', sum(range(10 ** 6)), sum([True] * 50), sum(list(range(100))), sum([2 ** 64] * 30))
print('special', sum([float('inf'), 1.0] * 20), sum([float('inf'), -float('inf')] * 20), sum([1e308] * 20 + [-1e308] * 20))
print('objects', sum([[1], [2]] * 10, []), sum([0.5, 1j] * 10))
for bad in ("sum(['a', 'b'])", "sum(['a'], '')", "sum([b'a'], b'')", "sum(5)", "sum([0.5] * 20 + ['x'])"):
    try:
        print(bad, eval(bad))
    except TypeError as error:
        print(bad, 'TypeError:', error)
print(sum, sum.__name__, sum.__module__)
# collections read as lists, and ranges, summed as CPython sums them
prices_by_item = {r['item']: float(r['price']) for r in rows}
print('collections', sum(prices_by_item.values()), sum({0.1, 0.2, 0.3, 0.25}), sum(frozenset(prices)), sum({1: 'a', 2.5: 'b'}.keys()))
print('ranges', sum(range(10 ** 6)), sum(range(10), 0.5), sum(range(-5, 5), 10 ** 20))
# names a program rebinds are its own: sum does not use them
set = map = min = max = type = len = iter = abs = float = None
print('rebound', sum(prices * 5), sum(x for x in prices))
