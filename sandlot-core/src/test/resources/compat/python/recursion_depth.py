import sys
from functools import lru_cache

print("limit", sys.getrecursionlimit())

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))

@lru_cache(None)
def ways(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return ways(n - k, k) + ways(n, k - 1)
print(ways(100, 100), ways(200, 200))

def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
nested = [1, [2, [3, [4, [5, [6]]]]], 7]
print(list(flatten(nested)))

def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(12)), hanoi(3))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError caught")
print("after")
sys.setrecursionlimit(5000)
print(depth(3000))
