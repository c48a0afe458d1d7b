d = {"b": 2, "a": 1, "c": 3}
d["d"] = 4
del d["b"]
print(d, list(d), list(d.values()), list(d.items()))
print({k: v for k, v in sorted(d.items(), key=lambda kv: -kv[1])})
print(d | {"e": 5}, {**d, "a": 10}, d.get("zz"), d.get("zz", 0), d.setdefault("f", 6), d.pop("f"), d.popitem())
inv = {v: k for k, v in d.items()}
print(inv, dict.fromkeys(["x", "y"], 0), dict(zip("abc", range(3))), dict([("k", 1)]), dict(a=1))
print({1: "a", 1.0: "b", True: "c"})
s = {5, 3, 1, 9, 7, 2, 100, 64, 33}
print(sorted(s))
print(sorted({3, 1, 2} | {4}), sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2, 3} - {2}), sorted({1, 2} ^ {2, 3}), {1, 2} <= {1, 2, 3})
print(sorted(set(range(10, 0, -1))), sorted(set([1, 1, 2])), sorted(frozenset({10, 20, 30})))
print(sorted({"banana", "apple", "cherry"}), len({"a", "b", "a"}))
print(sorted(set([-1, -2, 0, 1000, 5])), sorted({0.5, 1.5, 2.0}), sorted({(1, 2), (0, 1)}))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
keys = d.keys()
print(sorted(keys & {"a", "x"}), sorted(keys - {"a"}), type(keys).__name__, "a" in keys)
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"]["z"], nested.get("q", {}).get("r"))
print(list({i: i for i in range(20, 0, -3)}), sorted({i * i for i in range(-3, 4)}))
