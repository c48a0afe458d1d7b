import csv
import os
from collections import defaultdict

ROWS = [
    ("2024-01-03", "North", "Widget", 12, 3.50),
    ("2024-01-04", "South", "Gadget", 5, 12.25),
    ("2024-01-04", "North", "Gadget", 7, 12.25),
    ("2024-01-05", "East", "Widget", 20, 3.40),
    ("2024-01-06", "South", "Widget", 3, 3.50),
    ("2024-01-07", "East", "Doohickey", 1, 99.99),
    ("2024-01-07", "North", "Widget", 8, 3.45),
]

def write_sales(path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["date", "region", "product", "qty", "unit_price"])
        for row in ROWS:
            w.writerow(row)

def summarize(path):
    totals = defaultdict(float)
    qty = defaultdict(int)
    with open(path, newline="") as f:
        for rec in csv.DictReader(f):
            amount = int(rec["qty"]) * float(rec["unit_price"])
            totals[rec["region"]] += amount
            qty[rec["region"]] += int(rec["qty"])
    return totals, qty

def main():
    write_sales("sales.csv")
    print("files:", sorted(os.listdir(".")))
    print("size:", os.path.getsize("sales.csv"))
    totals, qty = summarize("sales.csv")
    with open("summary.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["region", "qty", "revenue"])
        w.writeheader()
        for region in sorted(totals):
            w.writerow({"region": region, "qty": qty[region], "revenue": f"{totals[region]:.2f}"})
    with open("summary.csv") as f:
        print(f.read(), end="")
    print(repr(open("summary.csv", "rb").read()[:30]))
    grand = sum(totals.values())
    print(f"grand total: {grand:,.2f}")
    print("best region:", max(totals, key=totals.get))

if __name__ == "__main__":
    main()
