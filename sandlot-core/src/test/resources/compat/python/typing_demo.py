from typing import NamedTuple, TypedDict, Optional, Union, List, Dict, Protocol, TypeVar, Generic, Callable, get_type_hints, Any, Iterable

class Row(NamedTuple):
    name: str
    value: float = 0.0

class Movie(TypedDict, total=False):
    title: str
    year: int

class Shape(Protocol):
    def area(self) -> float: ...

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

class Square:
    def __init__(self, s: float):
        self.s = s
    def area(self) -> float:
        return self.s ** 2

def total_area(shapes: Iterable[Shape]) -> float:
    return sum(s.area() for s in shapes)

def parse(x: Union[int, str], default: Optional[int] = None) -> int:
    try:
        return int(x)
    except ValueError:
        return default if default is not None else -1

def apply(f: Callable[[int], int], xs: List[int]) -> Dict[int, int]:
    return {x: f(x) for x in xs}

r = Row("a", 1.5)
print(r, Row("b"), r._asdict(), Row.__annotations__)
m: Movie = {"title": "Up"}
print(m, Movie.__required_keys__ == frozenset(), sorted(Movie.__optional_keys__))
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), s.items)
print(total_area([Square(2), Square(3)]))
print(parse("12"), parse("x"), parse("x", 0))
print(apply(lambda v: v * v, [1, 2, 3]))
print(get_type_hints(parse))
print(parse.__annotations__["return"], Optional[int], List[int], Dict[str, Any])
def f(a: list[int], b: dict[str, float] | None = None) -> tuple[int, ...]:
    return tuple(a)
print(f([1, 2]), f.__annotations__)
