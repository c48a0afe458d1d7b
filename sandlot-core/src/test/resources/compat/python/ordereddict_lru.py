from collections import OrderedDict

class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            print("evict", evicted)

cache = LRU(3)
for i, k in enumerate("abcadbeafg"):
    if cache.get(k) is None:
        cache.put(k, i)
    print(k, list(cache.data.items()))
print("hits", cache.hits, "misses", cache.misses)
od = OrderedDict.fromkeys("xyz", 0)
print(list(od.items()))
od.move_to_end("x", last=False)
print(list(od.items()), list(reversed(od)))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
print(list((od | {"w": 9}).items()))
