import argparse

p = argparse.ArgumentParser(prog="report", description="Build a sales report.")
p.add_argument("input", help="CSV file")
p.add_argument("-o", "--output", default="out.json", help="where to write (default: %(default)s)")
p.add_argument("-n", type=int, default=10)
p.add_argument("--mode", choices=["sum", "mean"], default="sum")
p.add_argument("--tag", action="append", default=[])
print(p.format_usage(), end="")
args = p.parse_args(["sales.csv", "-n", "5", "--mode", "mean", "--tag", "a", "--tag", "b"])
print(vars(args))
print(sorted(vars(p.parse_args(["x.csv"])).items()))
try:
    p.parse_args(["x.csv", "--mode", "max"])
except SystemExit as e:
    print("SystemExit", e.code)
