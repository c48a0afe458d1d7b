#!/usr/bin/env python3
"""Issue 13, item 6: a CSV analysis in Sandlot against CPython with pandas, side by side in one run.

Run it with benchmarks/analysis/run (which checks for pandas and builds ./sandbox first); it takes its arguments:

    benchmarks/analysis/run [--runs 15] [--warm-up 5] [--rows 100000] [--pause 2] [--out FILE.md]

What it does:
  1. writes a deterministic CSV of --rows orders (order_id,day,region,product,units,price; 10 regions x 5
     products = 50 groups) into a temporary folder;
  2. starts `./sandbox serve --port 0 --tokens-file F` (default flags otherwise: warm-up, --pool-python 2) and
     waits until it listens and has finished warming up;
  3. times, as the client sees them (one keep-alive HTTP connection, Python's http.client), --warm-up unmeasured
     repetitions and then --runs measured ones of:
       - warm Python session: PUT the CSV, then execute `sql(GROUP BY region, product)` (the file changed, so the
         sql() loads it again: every repetition pays load + group-by); the same execute alone (table loaded);
       - warm `sql` session: PUT the CSV, then execute the same query as language sql;
       - pandas, whole process: /usr/bin/python3 -c "import pandas; read_csv; groupby; print" (start, import,
         load, group-by, output); pandas in this warm interpreter: read_csv + groupby, and groupby alone;
       - first sql() in a fresh session: POST /v1/sessions, PUT the CSV, execute the query (DELETE untimed),
         with --pause seconds before each, so the server's Python context pool can refill;
       - chart, warm: execute chart(spec) of 50 bars in a warm Python session;
  4. checks that Sandlot's Python sql(), its sql session and pandas give the same 50 groups (orders and units
     exactly, revenue to 1e-9 relative);
  5. prints a markdown table: medians (and min-max) in ms of the client's time, the server's own wallMs and
     cpuMs of each execute, the CPU time of the whole process doing the work (the server's JVM from /proc, the
     pandas process from getrusage, this interpreter from process_time), and ratios = pandas / Sandlot (above 1:
     Sandlot is faster) of the time medians and of the process CPU medians. On a busy machine the CPU columns
     say more than the times, which then mostly measure waiting for a core.
"""
import argparse
import http.client
import json
import math
import os
import platform
import random
import resource
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON = "/usr/bin/python3"
REGIONS = ["north", "south", "east", "west", "central", "coast", "hills", "lakes", "plains", "islands"]
PRODUCTS = ["widget", "gadget", "gizmo", "doohickey", "sprocket"]

QUERY = ("SELECT region, product, count(*) AS orders, sum(units) AS units, sum(units * price) AS revenue "
         "FROM sales GROUP BY region, product ORDER BY region, product")
PANDAS_GROUP_BY = ("g = df.assign(revenue=df.units * df.price).groupby(['region', 'product'])"
                   ".agg(orders=('units', 'size'), units=('units', 'sum'), revenue=('revenue', 'sum'))")
PANDAS_PROCESS = ("import sys, pandas as pd\n"
                  "df = pd.read_csv(sys.argv[1])\n"
                  + PANDAS_GROUP_BY + "\n"
                  "print(g.reset_index().to_json(orient='values'))\n")


def write_csv(path, rows):
    """Deterministic orders: the same file for the same row count, on any machine."""
    rnd = random.Random(13)
    with open(path, "w", newline="") as f:
        f.write("order_id,day,region,product,units,price\n")
        for i in range(rows):
            day = f"2026-{1 + i * 12 // rows:02d}-{1 + rnd.randrange(28):02d}"
            f.write(f"{i + 1},{day},{rnd.choice(REGIONS)},{rnd.choice(PRODUCTS)},{rnd.randint(1, 50)},"
                    f"{rnd.randint(100, 9999) / 100:.2f}\n")


class Server:
    """./sandbox serve with one token, on a free port; stderr drained into self.log."""

    def __init__(self, token_file):
        self.log = []
        self.proc = subprocess.Popen([os.path.join(ROOT, "sandbox"), "serve", "--port", "0",
                                      "--tokens-file", token_file], cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        listening = threading.Event()
        self.port = None

        def drain():
            for line in self.proc.stderr:
                self.log.append(line.rstrip("\n"))
                m = re.search(r"listening on http://[^:/]+:(\d+)", line)
                if m and not listening.is_set():
                    self.port = int(m.group(1))
                    listening.set()
            listening.set()

        threading.Thread(target=drain, daemon=True).start()
        if not listening.wait(300) or self.port is None:
            self.stop()
            raise SystemExit("the server did not start:\n" + "\n".join(self.log[-30:]))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Client:
    """One keep-alive connection, as an application's HTTP client would hold it."""

    def __init__(self, port, token):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.auth = {"Authorization": "Bearer " + token}

    def call(self, method, path, body=None, content_type="application/json"):
        headers = dict(self.auth)
        if body is not None:
            headers["Content-Type"] = content_type
            if content_type == "application/json":
                body = json.dumps(body)
        self.conn.request(method, path, body, headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.status >= 300:
            raise SystemExit(f"{method} {path}: HTTP {response.status}: {data[:500]!r}")
        return json.loads(data) if data else None

    def open_session(self, language):
        return self.call("POST", "/v1/sessions", {"language": language})["id"]

    def put(self, session, name, data):
        return self.call("PUT", f"/v1/sessions/{session}/files/{name}", data, "application/octet-stream")

    def execute(self, session, code):
        result = self.call("POST", f"/v1/sessions/{session}/execute", {"code": code})
        if result["status"] != "ok":
            raise SystemExit(f"execution failed: {json.dumps(result)[:1000]}")
        return result

    def delete(self, session):
        self.call("DELETE", f"/v1/sessions/{session}")


GUEST_WALL = {}   # row -> the server's stats.wallMs of each measured execution: the guest's run, no HTTP
GUEST_CPU = {}    # row -> the server's stats.cpuMs: CPU time of the guest thread (DuckDB runs on it)
CPU = {}          # row -> CPU time of the whole process doing the work: the server's JVM (HTTP, JIT, GC included)
                  #        or the pandas process, per measured run


def jvm_cpu(pid):
    """CPU seconds (user + system) the process has used so far, from /proc (clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(key, fn, runs, warm_up, cpu, pause=0.0, after=None):
    """Runs fn warm_up times unmeasured, then runs times; returns (seconds per run, fn's last value). cpu() gives
    the CPU seconds used so far by whatever does the work; after(value), if given, runs untimed after each fn."""
    value = None
    for _ in range(warm_up):
        if pause:
            time.sleep(pause)
        value = fn()
        if after:
            after(value)
    samples = []
    for _ in range(runs):
        if pause:
            time.sleep(pause)
        cpu_start = cpu()
        start = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - start)
        CPU.setdefault(key, []).append(cpu() - cpu_start)
        if isinstance(value, dict) and "stats" in value:
            GUEST_WALL.setdefault(key, []).append(value["stats"]["wallMs"] / 1000)
            GUEST_CPU.setdefault(key, []).append(value["stats"]["cpuMs"] / 1000)
        if after:
            after(value)
    return samples, value


def groups_from_rows(rows):
    """[[region, product, orders, units, revenue], ...] -> {(region, product): (orders, units, revenue)}"""
    return {(r[0], r[1]): (int(r[2]), int(r[3]), float(r[4])) for r in rows}


def same_groups(name, got, want):
    if set(got) != set(want):
        raise SystemExit(f"{name}: groups differ from pandas: {sorted(set(got) ^ set(want))[:5]}")
    for key, (orders, units, revenue) in want.items():
        g = got[key]
        if g[0] != orders or g[1] != units or not math.isclose(g[2], revenue, rel_tol=1e-9):
            raise SystemExit(f"{name}: {key} is {g}, pandas says {(orders, units, revenue)}")


def load_average():
    return os.getloadavg()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pause", type=float, default=2.0, help="seconds before each fresh-session repetition")
    parser.add_argument("--out", help="also write the report to this file")
    args = parser.parse_args()

    import pandas as pd   # benchmarks/analysis/run has checked that it is there

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_start = load_average()
    work = tempfile.mkdtemp(prefix="sandlot-analysis-bench-")
    server = None
    try:
        csv_path = os.path.join(work, "sales.csv")
        write_csv(csv_path, args.rows)
        with open(csv_path, "rb") as f:
            csv_bytes = f.read()
        print(f"[bench] {args.rows:,} rows, {len(csv_bytes) / 1e6:.1f} MB: {csv_path}", file=sys.stderr)

        token = secrets.token_hex(16)
        token_file = os.path.join(work, "tokens")
        with open(os.open(token_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(token + "\n")
        server = Server(token_file)
        client = Client(server.port, token)
        info = client.call("GET", "/v1/info")
        server_cpu = lambda: jvm_cpu(server.proc.pid)   # ./sandbox execs the JVM: the same process
        # The default server warms up each language before it listens, then makes the chart renderer in the
        # background: unmeasured charts wait for that (on a busy machine it can take longer than one execution's
        # 30 s), so that no measured request shares the CPU with it.
        settle = client.open_session("python")
        tiny = ("chart({'data': {'values': [{'x': 'a', 'y': 1}]}, 'mark': 'bar', 'encoding': {"
                "'x': {'field': 'x', 'type': 'nominal'}, 'y': {'field': 'y', 'type': 'quantitative'}}})")
        for _ in range(10):
            if client.call("POST", f"/v1/sessions/{settle}/execute", {"code": tiny})["status"] == "ok":
                break
        else:
            raise SystemExit("the server could not render a chart in 10 tries")
        client.delete(settle)
        time.sleep(3)

        rows = {}

        # --- pandas: the reference answer and both pandas rows --------------------------------------------
        def pandas_in_process():
            df = pd.read_csv(csv_path)
            g = (df.assign(revenue=df.units * df.price).groupby(["region", "product"])
                 .agg(orders=("units", "size"), units=("units", "sum"), revenue=("revenue", "sum")))
            return g.reset_index().values.tolist()

        def pandas_process():
            done = subprocess.run([PYTHON, "-c", PANDAS_PROCESS, csv_path], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
            if done.returncode != 0:
                raise SystemExit("pandas process failed: " + done.stderr[-1000:])
            return json.loads(done.stdout)

        print("[bench] pandas, whole process ...", file=sys.stderr)
        rows["pandas_process"], value = timed("pandas_process", pandas_process, args.runs, args.warm_up,
                                               children_cpu)
        reference = groups_from_rows(value)
        if len(reference) != len(REGIONS) * len(PRODUCTS):
            raise SystemExit(f"expected {len(REGIONS) * len(PRODUCTS)} groups, pandas found {len(reference)}")
        print("[bench] pandas, warm interpreter ...", file=sys.stderr)
        rows["pandas_warm"], value = timed("pandas_warm", pandas_in_process, args.runs, args.warm_up,
                                            time.process_time)
        same_groups("pandas in process", groups_from_rows(value), reference)
        loaded = pd.read_csv(csv_path)

        def pandas_group_by_only():
            g = (loaded.assign(revenue=loaded.units * loaded.price).groupby(["region", "product"])
                 .agg(orders=("units", "size"), units=("units", "sum"), revenue=("revenue", "sum")))
            return g.reset_index().values.tolist()

        rows["pandas_groupby"], value = timed("pandas_groupby", pandas_group_by_only, args.runs, args.warm_up,
                                              time.process_time)
        same_groups("pandas group-by", groups_from_rows(value), reference)

        # --- Sandlot: warm Python session ------------------------------------------------------------------
        client.conn.close()   # idle for the pandas rows: the server closes a connection idle for 60 s
        client = Client(server.port, token)
        print("[bench] Sandlot, warm Python session ...", file=sys.stderr)
        py = client.open_session("python")
        code = f"sql({QUERY!r})"

        def python_load_and_group_by():
            client.put(py, "sales.csv", csv_bytes)
            return client.execute(py, code)

        rows["py_load"], result = timed("py_load", python_load_and_group_by, args.runs, args.warm_up, server_cpu)
        same_groups("Python sql()", groups_from_rows(
            [[r["region"], r["product"], r["orders"], r["units"], r["revenue"]] for r in result["value"]]), reference)
        rows["py_query"], result = timed("py_query", lambda: client.execute(py, code), args.runs, args.warm_up,
                                         server_cpu)

        # --- Sandlot: warm sql session ---------------------------------------------------------------------
        print("[bench] Sandlot, warm sql session ...", file=sys.stderr)
        sq = client.open_session("sql")

        def sql_load_and_group_by():
            client.put(sq, "sales.csv", csv_bytes)
            return client.execute(sq, QUERY)

        rows["sql_load"], result = timed("sql_load", sql_load_and_group_by, args.runs, args.warm_up, server_cpu)
        same_groups("language sql", groups_from_rows(result["value"]["rows"]), reference)
        client.delete(sq)

        # --- Sandlot: chart, warm --------------------------------------------------------------------------
        print("[bench] Sandlot, chart in a warm session ...", file=sys.stderr)
        values = [{"group": f"{region}/{product}", "revenue": round(revenue, 2)}
                  for (region, product), (_, _, revenue) in sorted(reference.items())]
        spec = {"title": "Revenue by region and product", "data": {"values": values}, "mark": "bar",
                "width": 600,
                "encoding": {"x": {"field": "group", "type": "nominal", "sort": "-y"},
                             "y": {"field": "revenue", "type": "quantitative"}}}
        chart_code = f"import json\nchart(json.loads({json.dumps(spec)!r}))"
        rows["chart"], result = timed("chart", lambda: client.execute(py, chart_code), args.runs, args.warm_up,
                                      server_cpu)
        svg = result["outputs"][0]["data"]["image/svg+xml"]
        bars = svg.count('aria-roledescription="bar"')
        if not svg.startswith("<svg") or bars != len(values):
            raise SystemExit(f"expected an SVG of {len(values)} bars, got {bars}: {svg[:200]}")
        client.delete(py)

        # --- Sandlot: first sql() in a fresh session -------------------------------------------------------
        print(f"[bench] Sandlot, first sql() in a fresh session ({args.pause} s pause before each) ...",
              file=sys.stderr)
        phases = {"create": [], "put": [], "first": []}

        def fresh_session():
            t0 = time.perf_counter()
            s = client.open_session("python")
            t1 = time.perf_counter()
            client.put(s, "sales.csv", csv_bytes)
            t2 = time.perf_counter()
            r = client.execute(s, code)
            t3 = time.perf_counter()
            phases["create"].append(t1 - t0)
            phases["put"].append(t2 - t1)
            phases["first"].append(t3 - t2)
            r["session"] = s
            return r

        rows["fresh"], result = timed("fresh", fresh_session, args.runs, args.warm_up, server_cpu, args.pause,
                                      after=lambda r: client.delete(r["session"]))
        for name in phases:
            phases[name] = phases[name][args.warm_up:]
        same_groups("first sql() in a fresh session", groups_from_rows(
            [[r["region"], r["product"], r["orders"], r["units"], r["revenue"]] for r in result["value"]]), reference)

        load_end = load_average()
        report = render(args, rows, phases, info, pd.__version__, len(csv_bytes), started, load_start, load_end)
        print(report)
        if args.out:
            with open(args.out, "w") as f:
                f.write(report)
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


def ms(samples):
    return statistics.median(samples) * 1000


def span(samples):
    return f"{min(samples) * 1000:,.1f}-{max(samples) * 1000:,.1f}"


def render(args, rows, phases, info, pandas_version, size, started, load_start, load_end):
    warm = ms(rows["pandas_warm"])
    proc = ms(rows["pandas_process"])
    warm_cpu = ms(CPU["pandas_warm"])
    proc_cpu = ms(CPU["pandas_process"])

    def line(what, key, against=None, base=None, base_cpu=None):
        m = ms(rows[key])
        cells = [what, f"{m:,.1f}", span(rows[key]),
                 f"{ms(GUEST_WALL[key]):,.1f}" if key in GUEST_WALL else "",
                 f"{ms(GUEST_CPU[key]):,.1f}" if key in GUEST_CPU else "",
                 f"{ms(CPU[key]):,.1f}",
                 against or "",
                 f"{base / m:.2f}x" if base else "",
                 f"{base_cpu / ms(CPU[key]):.2f}x" if base_cpu else ""]
        return "| " + " | ".join(cells) + " |"

    vs_process = f"pandas process: {proc:,.1f} ({proc_cpu:,.1f} CPU)"
    vs_warm = f"pandas warm: {warm:,.1f} ({warm_cpu:,.1f} CPU)"
    out = [
        f"{args.rows:,}-row CSV ({size / 1e6:.1f} MB), group-by region, product (50 groups: count, sum of units, "
        f"sum of units * price). Medians of {args.runs} runs after {args.warm_up} unmeasured, in ms. Time is the "
        "client's, from request to parsed answer; guest wall and guest CPU are the server's `stats.wallMs` and "
        "`stats.cpuMs` of the execute (the guest thread, on which DuckDB runs; no HTTP, no upload); process CPU is "
        "what the whole process used meanwhile (Sandlot: the server's JVM, HTTP, JIT compiler threads and GC "
        "included, from /proc; pandas: the process, or this interpreter). Ratio = pandas / Sandlot (above 1: "
        "Sandlot is faster), from the time medians; CPU ratio from the process CPU medians.",
        "",
        "| what | time | min-max | guest wall | guest CPU | process CPU | compared with (time, process CPU) "
        "| ratio | CPU ratio |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|",
        line("Python session, warm: PUT CSV + execute `sql(group-by)`", "py_load", vs_process, proc, proc_cpu),
        line("  the same, against pandas in a warm interpreter (read_csv + groupby)", "py_load", vs_warm, warm,
             warm_cpu),
        line("`sql` session, warm: PUT CSV + execute the query", "sql_load", vs_process, proc, proc_cpu),
        line("  the same, against pandas in a warm interpreter", "sql_load", vs_warm, warm, warm_cpu),
        line("Python session, warm: execute `sql(group-by)` alone (table loaded)", "py_query",
             f"pandas group-by alone: {ms(rows['pandas_groupby']):,.1f} ({ms(CPU['pandas_groupby']):,.1f} CPU)",
             ms(rows["pandas_groupby"]), ms(CPU["pandas_groupby"])),
        line("first `sql()` in a fresh session: POST session + PUT CSV + execute", "fresh", vs_process, proc,
             proc_cpu),
        f"| &nbsp;&nbsp;of which POST /v1/sessions, PUT, first execute | {ms(phases['create']):,.1f}, "
        f"{ms(phases['put']):,.1f}, {ms(phases['first']):,.1f} | | | | | | | |",
        line("chart, warm: execute `chart(spec)`, 50 bars, SVG in the result", "chart"),
        line("pandas, whole process: `python3 -c \"import pandas; read_csv; groupby; print\"`", "pandas_process"),
        line("pandas, warm interpreter: `read_csv` + `groupby` only", "pandas_warm"),
        line("pandas, warm interpreter: `groupby` alone (DataFrame loaded)", "pandas_groupby"),
        "",
        "Same answer: the 50 groups of Python `sql()`, language `sql` and the fresh session equal pandas' "
        "(orders and units exactly, revenue to 1e-9 relative).",
        "",
        f"Sandlot {info.get('sandlot')} (`./sandbox serve --port 0 --tokens-file F`, default flags; JIT "
        f"{'on' if info.get('jit') else 'off'}), client: Python http.client, one keep-alive connection; "
        f"CPython {platform.python_version()} ({PYTHON}), pandas {pandas_version}. {os.cpu_count()} cores. "
        f"{started}; load average (1, 5, 15 min) at the start {load_start[0]:.2f}, {load_start[1]:.2f}, "
        f"{load_start[2]:.2f}, at the end {load_end[0]:.2f}, {load_end[1]:.2f}, {load_end[2]:.2f}.",
        "",
        f"Command: `benchmarks/analysis/run --runs {args.runs} --warm-up {args.warm_up} --rows {args.rows} "
        f"--pause {args.pause:g}`",
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    main()
