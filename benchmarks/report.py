#!/usr/bin/env python3
"""Turn JMH JSON results (benchmarks/run writes benchmarks/target/results.json) into a markdown report and a chart.

    python3 benchmarks/report.py benchmarks/target/results.json
    python3 benchmarks/report.py results.json session-heap.json \\
        --selftimed benchmarks/target/bench-out/selftimed.jsonl \\
        --chart benchmarks/ratios.svg --out report.md

The markdown (stdout, or --out) has, per benchmark class, a table of medians, means with JMH's 99.9% error, and the
speed of each method relative to the class's baseline method with the same parameters (for example
SnippetBenchmark.sandlot vs SnippetBenchmark.process for language=python), then the issue's targets with the measured
ratios. The chart (--chart, SVG, or PNG when matplotlib is installed and the name ends in .png) shows those ratios on a
log scale.

"Median" is JMH's 50th percentile: of all samples in sample mode, of the measured iterations' scores in average-time,
single-shot and throughput modes. "x faster" is baseline time / time (for throughput: ops / baseline ops), computed
from the medians, so above 1 means faster than the baseline.

Standard library only.
"""

import argparse
import html
import json
import math
import sys
from collections import OrderedDict

# The method each class is compared with (same parameters); override with --baseline Class=method.
DEFAULT_BASELINES = {
    "FormulaBenchmark": "jexl",
    "SnippetBenchmark": "process",
    "CpuBoundBenchmark": "process",
    "ThroughputBenchmark": "threads1",
}

TIME_UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0}
TIME_MODES = {"avgt", "sample", "ss"}
MODE_NAMES = {"avgt": "average time", "sample": "sample time", "ss": "single shot", "thrpt": "throughput",
              "heap": "heap"}


class Row:
    def __init__(self, entry):
        self.entry = entry
        full = entry["benchmark"]
        parts = full.split(".")
        self.cls = parts[-2]
        self.method = parts[-1]
        self.mode = entry.get("mode", "")
        self.params = OrderedDict(sorted((entry.get("params") or {}).items()))
        self.threads = entry.get("threads", 1)
        pm = entry["primaryMetric"]
        self.unit = pm.get("scoreUnit", "")
        self.mean = _num(pm.get("score"))
        self.error = _num(pm.get("scoreError"))
        percentiles = pm.get("scorePercentiles") or {}
        self.median = _num(percentiles.get("50.0"))
        if self.median is None:
            self.median = self.mean
        self.count = _count(pm)
        self.secondary = entry.get("secondaryMetrics") or {}

    def key(self):
        return (self.cls, tuple(self.params.items()))

    def label(self):
        p = ", ".join("%s=%s" % kv for kv in self.params.items())
        return "%s.%s%s" % (self.cls, self.method, " (%s)" % p if p else "")

    def base_value(self):
        """The median in seconds per op (time modes) or ops per second (throughput), for ratios across units."""
        if self.median is None:
            return None
        unit = self.unit
        if self.mode in TIME_MODES and unit.endswith("/op"):
            factor = TIME_UNITS.get(unit[:-3])
            return self.median * factor if factor else None
        if self.mode == "thrpt" and unit.startswith("ops/"):
            factor = TIME_UNITS.get(unit[4:])
            return self.median / factor if factor else None
        return None


def _num(value):
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _count(pm):
    raw = pm.get("rawData")
    if raw:
        return sum(len(fork) for fork in raw)
    hist = pm.get("rawDataHistogram")
    if hist:
        return sum(int(n) for fork in hist for iteration in fork for _, n in iteration)
    return None


def fmt(value, digits=3):
    if value is None:
        return "n/a"
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 1000:
        return "{:,.0f}".format(value)
    if magnitude >= 100:
        return "%.1f" % value
    if magnitude >= 1:
        return "%.*f" % (max(0, digits - 1 - int(math.log10(magnitude))), value)
    return "%.*g" % (digits, value)


def speedup(row, base):
    """How many times faster row is than base (above 1: faster), or None."""
    a, b = row.base_value(), base.base_value()
    if a is None or b is None or a == 0 or b == 0:
        return None
    return b / a if row.mode in TIME_MODES else a / b


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for entry in data:
            rows.append(Row(entry))
    return rows


def load_selftimed(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                out.append(json.loads(line))
    return out


def comparisons(rows, baselines):
    """(row, baseline row, speedup) for every row that has a baseline with the same class and parameters."""
    index = {(r.cls, r.method, r.key()[1]): r for r in rows}
    result = []
    for r in rows:
        base_method = baselines.get(r.cls)
        if not base_method or r.method == base_method:
            continue
        base = index.get((r.cls, base_method, r.key()[1]))
        if base is not None:
            result.append((r, base, speedup(r, base)))
    return result


def find(rows, cls, method, **params):
    for r in rows:
        if r.cls == cls and r.method == method and all(r.params.get(k) == v for k, v in params.items()):
            return r
    return None


def targets(rows):
    """The targets of issue 4, with the measured ratio where the results have both sides."""
    out = []

    def ratio(cls, a, b, **params):
        ra, rb = find(rows, cls, a, **params), find(rows, cls, b, **params)
        if ra is None or rb is None:
            return None, ra, rb
        return speedup(ra, rb), ra, rb

    def add(text, value, ok, detail):
        out.append((text, value, ok, detail))

    s, a, b = ratio("FormulaBenchmark", "sandlotJs", "jexl")
    add("JS formula at most 3x the time of JEXL", None if s is None else 1 / s,
        None if s is None else 1 / s <= 3, "time ratio sandlotJs / jexl")
    s, a, b = ratio("FormulaBenchmark", "sandlotJs", "nashornSandbox")
    add("JS formula at least 10x faster than delight-nashorn-sandbox (CPU limit on)", s,
        None if s is None else s >= 10, "nashornSandbox time / sandlotJs time")

    def best_snippet(language):
        for method in ("sandlotPooledIdle", "sandlotPooled", "sandlot"):
            r = find(rows, "SnippetBenchmark", method, language=language)
            if r is not None and r.base_value() is not None:
                return r
        return None

    for language, tool, goal, aim in (("js", "node -p", 20, None), ("python", "python3 -c", 1, 2)):
        r = best_snippet(language)
        p = find(rows, "SnippetBenchmark", "process", language=language)
        s = speedup(r, p) if r is not None and p is not None else None
        text = "isolated %s snippet at least %gx as fast as `%s`%s" % (
            "JS" if language == "js" else "Python", goal, tool, " (aim %gx)" % aim if aim else "")
        add(text, s, None if s is None else s >= goal,
            "process time / %s time" % (r.method if r is not None else "sandlot"))

    for program in ("nbody", "fannkuch"):
        s, a, b = ratio("CpuBoundBenchmark", "sandlot", "process", language="python", program=program)
        add("CPU-bound Python (%s) faster than CPython" % program, s, None if s is None else s > 1,
            "CPython process time / sandbox time")
        s, a, b = ratio("CpuBoundBenchmark", "sandlot", "process", language="js", program=program)
        add("CPU-bound JS (%s) within 3x of node" % program, None if s is None else 1 / s,
            None if s is None else 1 / s <= 3, "time ratio sandbox / node process")

    for language, goal in (("js", 1000), ("python", 100)):
        r = find(rows, "SessionHeap", language)
        per_gib = None
        if r is not None:
            per_gib = _num((r.secondary.get("sessionsPerGiB") or {}).get("score"))
        add("at least %d idle %s sessions per GiB of heap" % (goal, "JS" if language == "js" else "Python"),
            per_gib, None if per_gib is None else per_gib >= goal, "sessions per GiB")
    return out


def markdown(rows, baselines, selftimed):
    lines = []
    if rows:
        first = rows[0].entry
        lines.append("JMH %s, JDK %s (%s). JVM flags: `%s`" % (
            first.get("jmhVersion", "?"), first.get("jdkVersion", "?"), first.get("vmVersion", "?"),
            " ".join(first.get("jvmArgs", [])) or "(none)"))
        jit = any("EnableJVMCI" in a for a in first.get("jvmArgs", []))
        lines.append("")
        lines.append("Graal JIT flags present: %s." % ("yes" if jit else "**no** (Truffle ran interpreted?)"))
        lines.append("")

    comps = {id(r): (b, s) for r, b, s in comparisons(rows, baselines)}
    classes = OrderedDict()
    for r in rows:
        classes.setdefault(r.cls, []).append(r)
    for cls, members in classes.items():
        e = members[0].entry
        base_method = baselines.get(cls)
        lines.append("## %s" % cls)
        lines.append("")
        if e.get("mode") == "ss":
            lines.append("Mode single shot; %s warm-up runs, %s measured runs, %s fork(s)." % (
                e.get("warmupIterations"), e.get("measurementIterations"), e.get("forks")))
            lines.append("")
        elif e.get("mode") != "heap":
            lines.append("Mode %s; %s warm-up x %s, %s measurement x %s, %s fork(s)." % (
                MODE_NAMES.get(e.get("mode"), e.get("mode")), e.get("warmupIterations"), e.get("warmupTime"),
                e.get("measurementIterations"), e.get("measurementTime"), e.get("forks")))
            lines.append("")
        header = "| benchmark | params | threads | median | mean ± error | unit | n |"
        sep = "|---|---|---:|---:|---:|---|---:|"
        if base_method:
            header += " x faster than %s |" % base_method
            sep += "---:|"
        if cls == "SessionHeap":
            header += " sessions/GiB |"
            sep += "---:|"
        lines.append(header)
        lines.append(sep)
        for r in sorted(members, key=lambda r: (tuple(r.params.items()), r.method != base_method, r.method)):
            params = ", ".join("%s=%s" % kv for kv in r.params.items()) or "-"
            err = "" if r.error is None else " ± %s" % fmt(r.error)
            cells = [r.method, params, str(r.threads), fmt(r.median), fmt(r.mean) + err, r.unit,
                     "" if r.count is None else str(r.count)]
            if base_method:
                if r.method == base_method:
                    cells.append("(baseline)")
                else:
                    b, s = comps.get(id(r), (None, None))
                    cells.append("n/a" if s is None else "%sx" % fmt(s))
            if cls == "SessionHeap":
                cells.append(fmt(_num((r.secondary.get("sessionsPerGiB") or {}).get("score"))))
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")

    if selftimed:
        lines.append("## Self-timed guest programs (CpuBoundBenchmark)")
        lines.append("")
        lines.append("Self-timed: the program's own clock, from after its imports to its last line (no process "
                     "start, no context creation, no imports). Sandbox wall: the sandbox's `stats.wallMs`, the guest "
                     "phase (imports included, context creation not). Medians of the measured runs; the total per "
                     "run is in the CpuBoundBenchmark table above.")
        lines.append("")
        lines.append("| runner | language | program | size | self-timed median (ms) | sandbox wall median (ms) "
                     "| runs | x faster than process (self-timed) |")
        lines.append("|---|---|---|---:|---:|---:|---:|---:|")
        by_key = {}
        for s in selftimed:
            p = s.get("params", {})
            by_key[(s["benchmark"].split(".")[-1], p.get("language"), p.get("program"), s.get("actualSize"))] = s
        for (runner, language, program, size), s in sorted(by_key.items(), key=lambda kv: kv[0][1:] + (kv[0][0],)):
            base = by_key.get(("process", language, program, size))
            ratio = ""
            if runner == "process":
                ratio = "(baseline)"
            elif base and s.get("medianMs") and base.get("medianMs"):
                ratio = "%sx" % fmt(base["medianMs"] / s["medianMs"])
            wall = s.get("sandboxWallMedianMs")
            lines.append("| %s | %s | %s | %s | %s | %s | %d | %s |" % (
                runner, language, program, size, fmt(s.get("medianMs")), "-" if wall is None else fmt(wall),
                len(s.get("runs", [])), ratio))
        lines.append("")

    lines.append("## Targets (issue 4)")
    lines.append("")
    lines.append("| target | measured | met | how |")
    lines.append("|---|---:|---|---|")
    for text, value, ok, detail in targets(rows):
        lines.append("| %s | %s | %s | %s |" % (
            text, "n/a" if value is None else fmt(value), "-" if ok is None else ("yes" if ok else "**no**"), detail))
    lines.append("")
    return "\n".join(lines)


# Chart order: the classes the targets are about first.
CHART_ORDER = ["FormulaBenchmark", "SnippetBenchmark", "CpuBoundBenchmark", "ThroughputBenchmark"]
BARE_PARAMS = {"language", "program", "snippet"}


def chart_data(rows, baselines):
    data = []
    for r, base, s in comparisons(rows, baselines):
        if s is None:
            continue
        p = ", ".join(str(v) if k in BARE_PARAMS else "%s=%s" % (k, v) for k, v in r.params.items()
                      if not (k == "size" and str(v) == "0"))
        label = "%s: %s vs %s%s" % (r.cls.replace("Benchmark", ""), r.method, base.method, " (%s)" % p if p else "")
        order = CHART_ORDER.index(r.cls) if r.cls in CHART_ORDER else len(CHART_ORDER)
        data.append((order, label, s))
    data.sort(key=lambda d: d[0])   # stable: within a class, the order of the results
    return [(label, s) for _, label, s in data]


def write_svg(data, path, title):
    bar_h, gap, left, right, top = 22, 6, 430, 90, 56
    width = 1000
    plot_w = width - left - right
    height = top + len(data) * (bar_h + gap) + 50
    values = [v for _, v in data] or [1.0]
    lo = min(0.1, min(values) / 1.5)
    hi = max(10.0, max(values) * 1.5)
    lo_e, hi_e = math.floor(math.log10(lo)), math.ceil(math.log10(hi))

    def x(v):
        return left + (math.log10(v) - lo_e) / (hi_e - lo_e) * plot_w

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="Helvetica, Arial, sans-serif" font-size="12">' % (width, height, width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="22" font-size="16" font-weight="bold">%s</text>' % (left - 420, html.escape(title)),
           '<text x="%d" y="40" fill="#555">x faster than the baseline (log scale; right of 1x = faster)</text>'
           % (left - 420)]
    for e in range(lo_e, hi_e + 1):
        gx = x(10.0 ** e)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (gx, top - 6, gx, height - 40))
        label = ("%g" % (10.0 ** e)) + "x"
        out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>' % (gx, height - 24, label))
    one = x(1.0)
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333" stroke-width="1.5"/>'
               % (one, top - 6, one, height - 40))
    for i, (label, v) in enumerate(data):
        y = top + i * (bar_h + gap)
        xv = x(v)
        x0, x1 = min(one, xv), max(one, xv)
        color = "#2e7d32" if v >= 1 else "#c62828"
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 8, y + bar_h * 0.7, html.escape(label)))
        out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (x0, y, max(1.0, x1 - x0), bar_h, color))
        tx = x1 + 4 if v >= 1 else x0 - 4
        anchor = "start" if v >= 1 else "end"
        if v < 1 and x0 - 60 < left:
            tx, anchor = x1 + 4, "start"
        out.append('<text x="%.1f" y="%d" text-anchor="%s">%sx</text>' % (tx, y + bar_h * 0.7, anchor, fmt(v)))
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def write_png(data, path, title):
    import matplotlib  # noqa: only when installed
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    labels = [d[0] for d in data]
    values = [d[1] for d in data]
    fig, ax = plt.subplots(figsize=(11, 0.35 * len(data) + 1.5))
    ax.barh(range(len(data)), [v - 1 for v in values], left=1,
            color=["#2e7d32" if v >= 1 else "#c62828" for v in values])
    ax.set_xscale("log")
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.axvline(1, color="#333")
    for i, v in enumerate(values):
        ax.text(v, i, " %sx" % fmt(v), va="center")
    ax.set_xlabel("x faster than the baseline (log scale)")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="+", help="JMH JSON result files (-rf json), and SessionHeap's JSON")
    parser.add_argument("--baseline", action="append", default=[], metavar="CLASS=METHOD",
                        help="compare CLASS's methods with METHOD (defaults: %s)" % ", ".join(
                            "%s=%s" % kv for kv in DEFAULT_BASELINES.items()))
    parser.add_argument("--selftimed", help="CpuBoundBenchmark's selftimed.jsonl (target/bench-out/)")
    parser.add_argument("--chart", help="write the ratio chart here (.svg, or .png with matplotlib)")
    parser.add_argument("--title", default="Sandlot vs the alternatives", help="chart title")
    parser.add_argument("--out", help="write the markdown here instead of stdout")
    args = parser.parse_args(argv)

    baselines = dict(DEFAULT_BASELINES)
    for spec in args.baseline:
        cls, _, method = spec.partition("=")
        if not method:
            parser.error("--baseline takes CLASS=METHOD, got %r" % spec)
        baselines[cls] = method

    rows = load(args.results)
    selftimed = load_selftimed(args.selftimed) if args.selftimed else []
    text = markdown(rows, baselines, selftimed)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")

    if args.chart:
        data = chart_data(rows, baselines)
        if not data:
            print("report.py: no ratios to chart", file=sys.stderr)
        elif args.chart.endswith(".png"):
            try:
                write_png(data, args.chart, args.title)
            except ImportError:
                svg = args.chart[:-4] + ".svg"
                print("report.py: matplotlib is not installed; writing %s instead" % svg, file=sys.stderr)
                write_svg(data, svg, args.title)
        else:
            write_svg(data, args.chart, args.title)
    return 0


if __name__ == "__main__":
    sys.exit(main())
