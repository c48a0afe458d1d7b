import csv
import json
import os
from decimal import Decimal, ROUND_HALF_UP
from collections import defaultdict
from datetime import date

CSV_TEXT = """sku,name,category,qty,unit_cost,last_restock
A-100,Blue pen,Office,120,0.35,2024-01-10
A-101,Red pen,Office,0,0.35,2023-11-02
B-200,Notebook A5,Paper,45,2.10,2024-02-01
B-201,Notebook A4,Paper,12,3.95,2023-12-20
C-300,Stapler,Office,7,8.50,2023-09-15
D-400,Printer paper,Paper,300,4.99,2024-02-15
"""

with open("inventory.csv", "w", newline="", encoding="utf-8") as f:
    f.write(CSV_TEXT)

today = date(2024, 3, 1)
by_cat = defaultdict(lambda: {"items": 0, "units": 0, "value": Decimal("0")})
stale = []
with open("inventory.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        qty = int(row["qty"])
        value = Decimal(row["unit_cost"]) * qty
        cat = by_cat[row["category"]]
        cat["items"] += 1
        cat["units"] += qty
        cat["value"] += value
        age = (today - date.fromisoformat(row["last_restock"])).days
        if age > 90 or qty == 0:
            stale.append((row["sku"], row["name"], qty, age))

report = {
    "as_of": today.isoformat(),
    "categories": {
        k: {**v, "value": str(v["value"].quantize(Decimal("0.01"), ROUND_HALF_UP))} for k, v in sorted(by_cat.items())
    },
    "attention": [dict(zip(["sku", "name", "qty", "days_since_restock"], s)) for s in stale],
}
os.makedirs("out", exist_ok=True)
with open("out/report.json", "w") as f:
    json.dump(report, f, indent=2)
with open("out/attention.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["sku", "name", "qty", "days"])
    w.writerows(stale)

print(open("out/report.json").read())
print(open("out/attention.csv").read())
print(sorted(os.listdir(".")), sorted(os.listdir("out")))
total = sum(Decimal(v["value"]) for v in report["categories"].values())
print(f"Total inventory value: {total:,.2f}")
