"""Compares the memory footprint of ways to hold records, and shows the matches a log parser finds."""
import re
import sys
from dataclasses import dataclass


@dataclass
class Reading:
    sensor: str
    value: float


class SlottedReading:
    __slots__ = ("sensor", "value")

    def __init__(self, sensor, value):
        self.sensor, self.value = sensor, value


rows = [(f"s{i % 7}", i * 0.5) for i in range(200)]
layouts = {
    "tuples": [tuple(r) for r in rows],
    "dicts": [{"sensor": s, "value": v} for s, v in rows],
    "dataclasses": [Reading(s, v) for s, v in rows],
    "slotted": [SlottedReading(s, v) for s, v in rows],
}
print(f"{'layout':<12}{'container':>10}{'per record':>12}")
for name, records in layouts.items():
    print(f"{name:<12}{sys.getsizeof(records):>10}{sys.getsizeof(records[0]):>12}")

print("\nscalars:", [sys.getsizeof(x) for x in (0, 7, 2**64, -1.5, True, None, "", "hello", "héllo", "€uro", b"bytes")])
print("containers:", [sys.getsizeof(x) for x in ((), (1, 2, 3), [], [1, 2, 3], {}, {"k": 1}, {1: "v"},
                                                 set(), {1, 2, 3}, set(range(50)), frozenset("abc"))])
lookup = {}
growth = []
for i in range(100):
    before = sys.getsizeof(lookup)
    lookup[f"key{i}"] = i
    if sys.getsizeof(lookup) != before:
        growth.append((i + 1, sys.getsizeof(lookup)))
print("dict grows at:", growth)
print("range vs list:", sys.getsizeof(range(10**6)), sys.getsizeof(list(range(1000))) > 8000)
print("text sizes:", {n: sys.getsizeof("x" * n) for n in (1, 10, 100)})


class Measured:
    def __sizeof__(self):
        return 1000


print("own __sizeof__:", sys.getsizeof(Measured()))

log = "2024-05-01 ERROR disk full; 2024-05-02 WARN cpu 93%; 2024-05-03 ERROR net down"
pattern = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2}) (?P<level>[A-Z]+) (?P<text>[^;]+)")
print()
print(pattern)
print(type(pattern).__name__, type(pattern.search(log)).__name__, type(pattern))
for match in pattern.finditer(log):
    print(match, match.groupdict())
print(re.fullmatch(r"\d+", "2024"), re.match(r"x", "abc"))
