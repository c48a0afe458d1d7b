import json
from datetime import datetime, date
from decimal import Decimal

record = {
    "when": datetime(2024, 5, 6, 7, 8, 9),
    "day": date(2024, 5, 6),
    "amount": Decimal("12.50"),
    "tags": {"b", "a"} and ["a", "b"],
    "nested": {"z": 1, "a": [1, 2, {"y": None, "x": True}]},
    "unicode": "naïve – ✓",
    "float": 3.0,
    "big": 10**20,
    "small": 1e-7,
}

def default(o):
    if isinstance(o, (datetime, date)):
        return o.isoformat()
    if isinstance(o, Decimal):
        return str(o)
    raise TypeError(f"not serializable: {type(o).__name__}")

print(json.dumps(record, default=default))
print(json.dumps(record, default=default, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps(record["nested"], indent="\t"))
print(json.dumps(record["nested"], indent=0))
print(json.dumps([1, [2, [3, []]], {}], indent=1))
print(json.dumps("quote\" backslash\\ newline\n tab\t ctrl\x01 uni\u2028"))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", str(e).split(" is not")[0])
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
print(json.loads('{"a": 1.0, "b": 1e2, "c": 12345678901234567890, "d": -0}'))
print(json.loads('[1.5, 2.50]', parse_float=Decimal), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2, "b": 3}'), json.loads('"\\u00e9\\ud83d\\ude00"'))
from collections import OrderedDict
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=OrderedDict) == OrderedDict([("z", 1), ("a", 2)]))
with open("cfg.json", "w") as f:
    json.dump({"k": [1, 2]}, f)
with open("cfg.json") as f:
    print(json.load(f), open("cfg.json").read())
lines = [json.dumps({"i": i, "sq": i * i}) for i in range(3)]
with open("data.jsonl", "w") as f:
    f.write("\n".join(lines) + "\n")
with open("data.jsonl") as f:
    print([json.loads(l)["sq"] for l in f])
print(json.dumps(1.0), json.dumps(0.1), json.dumps(1e16), json.dumps(123456789.0), json.dumps(True), json.dumps(None), json.dumps((1, 2)))
