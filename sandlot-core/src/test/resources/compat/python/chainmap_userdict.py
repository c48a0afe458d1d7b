from collections import ChainMap, Counter, UserDict, UserList, defaultdict

defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "admin"}
cli = {"debug": True}
cfg = ChainMap(cli, env, defaults)
print(cfg["color"], cfg["user"], cfg["debug"], len(cfg), sorted(cfg), dict(sorted(cfg.items())))
child = cfg.new_child({"color": "blue"})
print(child["color"], child.parents["color"], child.maps[0])
child["extra"] = 1
print(child.maps[0], "extra" in cfg)

class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
d = LowerDict()
d["Name"] = "x"
d["AGE"] = 3
print(d, d["name"], "age" in d, dict(d))

class Stack(UserList):
    def push(self, x):
        self.append(x)
s = Stack([1, 2])
s.push(3)
print(s, s[-1], len(s), s + [4])

inventory = Counter({"apple": 3, "pear": 0, "fig": -1})
print(+inventory, -inventory, inventory.most_common(1))
inventory.update(["apple", "kiwi"])
inventory.subtract({"apple": 1})
print(sorted(inventory.items()), Counter("aab") & Counter("abb"), Counter("aab") | Counter("abb"))
print(Counter("hello") == Counter("olleh"), Counter(a=1) <= Counter(a=2, b=1))
dd = defaultdict(lambda: "N/A", {"a": 1})
print(dd["a"], dd["b"], sorted(dd.items()))
merged = {**defaults, **env, **cli}
print(merged, defaults | env, sorted(merged.keys() & {"user", "x"}))
