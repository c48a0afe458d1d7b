import json
from datetime import date

data = {
    "generated": date(2024, 3, 15).isoformat(),
    "team": "Données & Analyse",
    "members": [
        {"name": "Zoë", "age": 31, "skills": ["sql", "python"], "score": 88.5},
        {"name": "Ahmed", "age": 45, "skills": ["excel"], "score": 92.0},
        {"name": "李雷", "age": 27, "skills": [], "score": 75.25},
    ],
    "active": True,
    "budget": None,
    "ratio": 0.1 + 0.2,
}

with open("report.json", "w", encoding="utf-8") as f:
    json.dump(data, f, indent=2, ensure_ascii=False)

with open("report.json", encoding="utf-8") as f:
    text = f.read()
print(text)
loaded = json.loads(text)
print(loaded == data)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data["members"][0], separators=(",", ":")))
print(json.dumps(loaded["members"], indent=4, sort_keys=True, ensure_ascii=True))
avg = sum(m["score"] for m in loaded["members"]) / len(loaded["members"])
print("average score:", avg, round(avg, 2))
print(json.dumps({"values": [1.0, 2.5, 1e20, 1e-5, 123456789.123456789, -0.0]}))
print(json.dumps([float("inf"), float("nan")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError raised")
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.lineno, e.colno, e.pos)
print(json.dumps({3: "int key", "b": (1, 2)}, sort_keys=False))
