from dataclasses import dataclass, field, asdict, astuple, replace, fields
from typing import List, Optional

@dataclass(order=True)
class Product:
    sort_key: float = field(init=False, repr=False)
    name: str
    price: float
    tags: List[str] = field(default_factory=list)
    stock: int = 0
    def __post_init__(self):
        self.sort_key = self.price

@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float

@dataclass
class Order:
    id: int
    items: List[Product] = field(default_factory=list)
    note: Optional[str] = None
    @property
    def total(self):
        return round(sum(p.price for p in self.items), 2)

ps = [Product("pen", 1.5, ["office"]), Product("book", 12.0, stock=3), Product("mug", 7.25, ["kitchen", "gift"], 10)]
print(ps[0])
print(sorted(ps))
print([p.name for p in sorted(ps, reverse=True)])
print(asdict(ps[2]))
print(astuple(ps[1]))
o = Order(1, ps, note="rush")
print(o.total, o)
print(asdict(Order(2, [ps[0]])))
c = Coord(52.52, 13.405)
print(c, c == Coord(52.52, 13.405), hash(c) == hash(Coord(52.52, 13.405)))
try:
    c.lat = 0
except Exception as e:
    print(type(e).__name__, e)
print(replace(c, lon=0.0))
print([f.name for f in fields(Product)])
print(Product("x", 1) == Product("x", 1), Product("x", 1) < Product("y", 2))

@dataclass(slots=True, kw_only=True)
class Config:
    host: str = "localhost"
    port: int = 8080
    debug: bool = False
cfg = Config(port=9000)
print(cfg, hasattr(cfg, "__dict__"))
try:
    Config("h")
except TypeError as e:
    print("TypeError")
