from operator import itemgetter, attrgetter

people = [
    {"name": "bob", "age": 25, "city": "Paris"},
    {"name": "Alice", "age": 30, "city": "berlin"},
    {"name": "carol", "age": 25, "city": "Austin"},
    {"name": "Dave", "age": 35, "city": "paris"},
    {"name": "eve", "age": 30, "city": "Berlin"},
]
print([p["name"] for p in sorted(people, key=itemgetter("age", "name"))])
print([p["name"] for p in sorted(people, key=lambda p: p["name"].lower())])
print([p["name"] for p in sorted(people, key=lambda p: (-p["age"], p["city"].casefold()))])
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"], key=str.casefold))
print(sorted(["file10.txt", "file2.txt", "file1.txt"]))
import re
def natural(s):
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", s)]
print(sorted(["file10.txt", "file2.txt", "File1.txt"], key=natural))
data = [("a", 3), ("b", 1), ("c", 3), ("d", 2)]
print(sorted(data, key=itemgetter(1), reverse=True))
print(sorted(data, key=lambda t: t[1]))
class P:
    def __init__(self, n, s):
        self.n, self.s = n, s
    def __repr__(self):
        return f"P({self.n},{self.s})"
ps = [P("x", 3), P("y", 1), P("z", 3)]
print(sorted(ps, key=attrgetter("s", "n")), max(ps, key=attrgetter("s")), min(ps, key=lambda p: p.s))
print(sorted([3, 1, None, 2], key=lambda x: (x is None, x or 0)))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted("hello world"), sorted({3: "c", 1: "a"}.items()))
print(sorted([-3, 2, -1, 4], key=abs), sorted([1.5, -0.5, float("inf"), -2]), list(reversed(sorted([5, 2, 8]))))
words = "the Quick brown fox Jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
nums = [5, 2, 9, 1]
nums.sort(reverse=True)
print(nums, sorted(["é", "e", "f", "E"]), sorted(["ä", "a", "z"]))
try:
    sorted([1, "a"])
except TypeError:
    print("TypeError on mixed sort")
