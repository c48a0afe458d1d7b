import functools

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

print(functools.reduce(lambda a, b: a * b, range(1, 11)))
print(functools.reduce(lambda acc, w: acc + len(w), ["alpha", "be", "c"], 0))

def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
print(square(12), square.func.__name__, square.keywords)

def compare(a, b):
    return (a[1] > b[1]) - (a[1] < b[1]) or (a[0] > b[0]) - (a[0] < b[0])
items = [("pear", 3), ("apple", 3), ("fig", 1), ("kiwi", 2)]
print(sorted(items, key=functools.cmp_to_key(compare)))

@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "Version(%r)" % ".".join(map(str, self.parts))
vs = [Version(v) for v in ["1.10.0", "1.2.3", "1.2.10", "0.9"]]
print(sorted(vs), max(vs), Version("1.0") >= Version("0.9"), Version("2.0") <= Version("1.0"))

@functools.singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
print(describe(3), describe([1, 2]), describe("s"), describe(2.5))

class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0
    @functools.cached_property
    def total(self):
        self.computed += 1
        return sum(self.values)
ds = Dataset([1, 2, 3])
print(ds.total, ds.total, ds.computed)

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("calling", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
@logged
def add(a, b=0):
    """Adds."""
    return a + b
print(add(2, b=3), add.__name__, add.__doc__, add.__wrapped__(1, 1))

@functools.cache
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4))
