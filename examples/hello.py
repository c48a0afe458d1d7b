# Run with: ./sandbox run examples/hello.py (add --print-value to see the result too)
# The value of the last expression is the result, like a notebook cell: `--json` and the HTTP API return it as `value`.
import statistics

readings = [12.5, 14.0, 13.25, 15.5, 11.75]
print("Hello from Python", ".".join(map(str, __import__("sys").version_info[:2])))
print("readings:", len(readings))

{"mean": statistics.mean(readings), "max": max(readings), "spread": round(max(readings) - min(readings), 2)}
