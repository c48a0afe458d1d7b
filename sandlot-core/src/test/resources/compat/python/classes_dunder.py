import functools

class Money:
    def __init__(self, amount, currency="EUR"):
        self.cents = round(amount * 100)
        self.currency = currency
    def __repr__(self):
        return f"Money({self.cents / 100:.2f}, {self.currency!r})"
    def __str__(self):
        return f"{self.cents / 100:,.2f} {self.currency}"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents // 100}{self.currency[0]}"
        return format(str(self), spec)
    def __eq__(self, other):
        return isinstance(other, Money) and (self.cents, self.currency) == (other.cents, other.currency)
    def __lt__(self, other):
        return self.cents < other.cents
    def __hash__(self):
        return hash((self.cents, self.currency))
    def __add__(self, other):
        if other == 0:
            return self
        return Money((self.cents + other.cents) / 100, self.currency)
    __radd__ = __add__
    def __mul__(self, k):
        return Money(self.cents * k / 100, self.currency)
    def __bool__(self):
        return self.cents != 0

class Basket:
    def __init__(self):
        self._items = {}
    def __setitem__(self, k, v):
        self._items[k] = v
    def __getitem__(self, k):
        return self._items[k]
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(sorted(self._items))
    def __contains__(self, k):
        return k in self._items
    def __call__(self):
        return sum(self._items.values())

prices = [Money(3.5), Money(12), Money(0.99), Money(3.5)]
print(prices)
print(sorted(prices), max(prices), min(prices))
print(sum(prices), sum(prices, Money(0)), Money(2.5) * 3)
print(Money(3.5) == Money(3.5), Money(1) == 1, Money(1) != Money(2), len({Money(1), Money(1.0), Money(2)}))
print(f"{Money(1234.5)}", f"{Money(7.25):short}", f"[{Money(5):>15}]", str(Money(0)), bool(Money(0)), bool(Money(0.01)))
b = Basket()
b["apple"] = Money(1.2)
b["pear"] = Money(0.8)
print(len(b), list(b), "apple" in b, "kiwi" in b, b["pear"], b())

@functools.total_ordering
class Student:
    def __init__(self, name, grade):
        self.name, self.grade = name, grade
    def __eq__(self, o):
        return (self.grade, self.name) == (o.grade, o.name)
    def __lt__(self, o):
        return (self.grade, self.name) < (o.grade, o.name)
    def __repr__(self):
        return f"<{self.name}:{self.grade}>"
ss = [Student("b", 90), Student("a", 90), Student("c", 70)]
print(sorted(ss), sorted(ss, reverse=True), ss[0] >= ss[1])

class Meta(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
class WithMeta(metaclass=Meta):
    __slots__ = ("x",)
print(WithMeta, type(WithMeta).__name__, WithMeta.__mro__[-1])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
    @classmethod
    def boiling(cls):
        t = cls(); t._c = 100; return t
    @staticmethod
    def unit():
        return "C"
t = Temp.boiling()
print(t.f, Temp.unit())
t.f = 32
print(t._c, vars(t), Temp.__name__, Temp.__qualname__)
print(object.__repr__(t).startswith("<__main__.Temp object at"))
