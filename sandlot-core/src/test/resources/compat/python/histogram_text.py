import random
from collections import Counter

random.seed(1)
ages = [int(random.gauss(40, 12)) for _ in range(500)]
bins = Counter((a // 10) * 10 for a in ages)
width = 50
peak = max(bins.values())
for lo in sorted(bins):
    n = bins[lo]
    bar = "█" * round(n / peak * width)
    print(f"{lo:>3}-{lo + 9:<3} {n:4d} {bar}")
print(f"min={min(ages)} max={max(ages)} mean={sum(ages) / len(ages):.2f}")
cats = {"apples": 12, "bananas": 30, "cherries": 7, "dates": 0}
longest = max(map(len, cats))
for k, v in cats.items():
    print(f"{k.ljust(longest)} | {'#' * v}{' ' * (30 - v)} | {v / sum(cats.values()):6.1%}")
print("+" + "-" * 10 + "+")
table = [["name", "qty"], ["pen", "3"], ["notebook", "12"]]
widths = [max(len(r[i]) for r in table) for i in range(2)]
for r in table:
    print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
