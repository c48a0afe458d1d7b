from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence, Iterable, Callable, MutableMapping

class Exporter(ABC):
    @abstractmethod
    def export(self, rows): ...
    def run(self, rows):
        return f"{type(self).__name__}: {self.export(rows)}"

class CsvExporter(Exporter):
    def export(self, rows):
        return "\n".join(",".join(map(str, r)) for r in rows)

class JsonExporter(Exporter):
    def export(self, rows):
        import json
        return json.dumps(rows)

rows = [[1, "a"], [2, "b"]]
for e in [CsvExporter(), JsonExporter()]:
    print(e.run(rows))
try:
    Exporter()
except TypeError:
    print("cannot instantiate abstract class")
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance("s", Iterable), isinstance(len, Callable), isinstance((), MutableMapping))

class Registry(Mapping):
    def __init__(self, d):
        self._d = dict(d)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
r = Registry({"a": 1, "b": 2})
print(dict(r), r.get("c", 0), "a" in r, list(r.items()), r == {"a": 1, "b": 2})
print(issubclass(CsvExporter, Exporter), Exporter.__abstractmethods__, CsvExporter.__mro__[1].__name__)
