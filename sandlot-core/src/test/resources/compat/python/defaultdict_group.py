from collections import defaultdict
import json

employees = [
    {"name": "Ann", "dept": "Eng", "salary": 120000, "city": "Berlin"},
    {"name": "Bob", "dept": "Eng", "salary": 95000, "city": "Paris"},
    {"name": "Cid", "dept": "Sales", "salary": 70000, "city": "Berlin"},
    {"name": "Dee", "dept": "Sales", "salary": 82000, "city": "Madrid"},
    {"name": "Eve", "dept": "HR", "salary": 65000, "city": "Paris"},
    {"name": "Fay", "dept": "Eng", "salary": 101000, "city": "Madrid"},
]

by_dept = defaultdict(list)
for e in employees:
    by_dept[e["dept"]].append(e)

for dept, people in sorted(by_dept.items()):
    salaries = [p["salary"] for p in people]
    print(f"{dept:6} n={len(people)} avg={sum(salaries) / len(salaries):,.1f} max={max(salaries)}")

nested = defaultdict(lambda: defaultdict(int))
for e in employees:
    nested[e["city"]][e["dept"]] += 1
print(json.dumps(nested, sort_keys=True))
print({k: dict(v) for k, v in nested.items()})

counts = defaultdict(int)
for e in employees:
    counts[e["city"]] += 1
print(counts)
print(dict(counts))
print(repr(defaultdict(list)))
sets = defaultdict(set)
for e in employees:
    sets[e["city"]].add(e["dept"])
print({k: sorted(v) for k, v in sorted(sets.items())})
