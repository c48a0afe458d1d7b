from datetime import date, timedelta
import statistics

base = date(2024, 1, 1)
values = [100.0, 102.5, 101.0, 105.25, 107.0, 106.5, 110.0, 108.75, 112.0, 115.5, 113.25, 118.0, 121.5, 119.0]
series = [(base + timedelta(days=i), v) for i, v in enumerate(values)]

print(f"{'date':<12}{'value':>9}{'chg':>9}{'pct':>9}{'ma3':>9}")
for i, (d, v) in enumerate(series):
    chg = v - series[i - 1][1] if i else 0.0
    pct = chg / series[i - 1][1] if i else 0.0
    ma3 = statistics.fmean(x for _, x in series[max(0, i - 2):i + 1])
    print(f"{d:%Y-%m-%d}  {v:9.2f}{chg:+9.2f}{pct:+9.2%}{ma3:9.3f}")

weekly = {}
for d, v in series:
    week = d.isocalendar()[1]
    weekly.setdefault(week, []).append(v)
for w, vs in sorted(weekly.items()):
    print(f"week {w}: n={len(vs)} mean={statistics.mean(vs):.4f} min={min(vs)} max={max(vs)}")
returns = [(b / a - 1) for (_, a), (_, b) in zip(series, series[1:])]
print("mean return %.6f, stdev %.6f" % (statistics.mean(returns), statistics.stdev(returns)))
cum = 1.0
for r in returns:
    cum *= 1 + r
print("cumulative", round(cum - 1, 10), values[-1] / values[0] - 1)
peak = values[0]
max_dd = 0.0
for v in values:
    peak = max(peak, v)
    max_dd = min(max_dd, v / peak - 1)
print(f"max drawdown {max_dd:.4%}")
