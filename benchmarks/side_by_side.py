#!/usr/bin/env python3
"""Issue 9's table, measured side by side in one run: what a user of the default server and CLI sees.

Run from the repository root (Python 3 standard library only; needs node for the JS rows):

    python3 benchmarks/side_by_side.py [--runs 30] [--warm-up 10] [--skip-jmh] [--pause-ms 1000] [--out FILE]

Rows, each against the same work done by `/usr/bin/python3 -c` (or `node -e`) process by process:
  1. stateless POST /v1/execute of a snippet importing json, re, csv, statistics, datetime, collections, io,
     back to back on the default `./sandbox serve` (median of --runs after --warm-up requests);
  2. POST /v1/sessions + the first execute of the same snippet (then DELETE, not timed);
     rows 1 and 2 again with --pause-ms (default 1000) before each request, untimed: the pace of an agent that
     thinks between calls, at which the server's pools have made the next context (with the common imports)
     before it is asked for;
  3. `./sandbox batch` of 300 bare snippets (`i*2`), JVM start included, per snippet: through the background
     process (started by a first, unmeasured batch), and with --no-daemon (a whole JVM per batch);
  4. `./sandbox run examples/hello.py` and `examples/hello.js`, repeat runs (median of 5 after the one that starts
     the background process: it is stopped before each file's runs);
  5. Python and JS formulas vs JEXL: `benchmarks/run --quick -wi 12 'FormulaBenchmark.(sandlotJs|sandlotPython|jexl)$'`
     (JMH), unless --skip-jmh: twelve 2 s warm-up iterations, not --quick's five, as GraalPy's formula took eight
     to reach its steady state on a slow 2-core machine (five left it at 8 us where it settles at 0.3 us).
Prints a markdown table (medians and ratios = alternative / Sandlot: above 1 means Sandlot is faster) and the
command line that produced it.
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SNIPPET = ("import json, re, csv, statistics, datetime, collections, io\n"
           "rows = list(csv.reader(io.StringIO('a,1\\nb,2\\nc,3')))\n"
           "d = collections.Counter(r[0] for r in rows)\n"
           "v = statistics.mean(int(r[1]) for r in rows)\n"
           "print(json.dumps({'n': len(d), 'mean': v, 'ok': bool(re.match('a', 'abc')),"
           " 'y': datetime.date(2024, 1, 2).year}))\n")
PYTHON = "/usr/bin/python3"


def median_ms(samples):
    return statistics.median(samples) * 1000


def time_process(argv, runs, stdin=None, cwd=ROOT):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, input=stdin, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{argv[:3]} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return samples


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, port):
        self.port = port
        self.proc = subprocess.Popen([os.path.join(ROOT, "sandbox"), "serve", "--port", str(port)], cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                if self.request("GET", "/v1/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.5)
        raise SystemExit("the server did not start: " + self.proc.stderr.read().decode()[-1000:])

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            headers = {"Content-Type": "application/json"} if body is not None else {}
            conn.request(method, path, None if body is None else json.dumps(body), headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def check_ok(status, body):
    if status not in (200, 201):
        raise SystemExit(f"HTTP {status}: {body[:300]}")
    result = json.loads(body)
    if "status" in result and result["status"] != "ok":
        raise SystemExit(f"guest did not succeed: {body[:500]}")
    return result


def stateless(server, runs, warm_up, pause=0.0):
    body = {"language": "python", "code": SNIPPET}
    samples = []
    for i in range(warm_up + runs):
        time.sleep(pause)
        start = time.perf_counter()
        check_ok(*server.request("POST", "/v1/execute", body))
        if i >= warm_up:
            samples.append(time.perf_counter() - start)
    return samples


def sessions(server, runs, warm_up, pause=0.0):
    samples = []
    for i in range(warm_up + runs):
        time.sleep(pause)
        start = time.perf_counter()
        created = check_ok(*server.request("POST", "/v1/sessions", {"language": "python"}))
        check_ok(*server.request("POST", f"/v1/sessions/{created['id']}/execute", {"code": SNIPPET}))
        elapsed = time.perf_counter() - start
        server.request("DELETE", f"/v1/sessions/{created['id']}")
        if i >= warm_up:
            samples.append(elapsed)
    return samples


def stop_daemon():
    subprocess.run([os.path.join(ROOT, "sandbox"), "daemon", "stop"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def batch(count, *flags):
    lines = "".join(json.dumps({"id": f"s{i}", "language": "python", "code": "i*2", "inputs": {"i": i}}) + "\n"
                    for i in range(count))
    start = time.perf_counter()
    done = subprocess.run([os.path.join(ROOT, "sandbox"), "batch", *flags], input=lines.encode(), cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    bad = [r for r in results if r.get("status") != "ok"]
    if done.returncode != 0 or len(results) != count or bad:
        raise SystemExit(f"batch failed: rc={done.returncode}, {len(results)} results, {bad[:2]}")
    return elapsed / count


def formulas():
    out = os.path.join(ROOT, "benchmarks", "target", "side-by-side-formulas.json")
    subprocess.run([os.path.join(ROOT, "benchmarks", "run"), "--quick", "-wi", "12",
                    "FormulaBenchmark.(sandlotJs|sandlotPython|jexl)$", "-rf", "json", "-rff", out],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(f)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warm-up", type=int, default=10)
    parser.add_argument("--skip-jmh", action="store_true")
    parser.add_argument("--pause-ms", type=int, default=1000,
                        help="also time rows 1 and 2 with this pause before each request, as an agent that thinks "
                             "between calls sends them (0: skip those rows)")
    parser.add_argument("--out", help="also write the markdown table to this file")
    args = parser.parse_args()
    rows = []

    def row(what, sandlot_ms, alternative, alternative_ms, unit="ms"):
        ratio = alternative_ms / sandlot_ms if sandlot_ms else float("nan")
        rows.append(f"| {what} | {sandlot_ms:,.1f} {unit} | {alternative}: {alternative_ms:,.1f} {unit} | {ratio:.2f}x |")
        print(rows[-1], flush=True)

    subprocess.run([os.path.join(ROOT, "sandbox"), "info"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    cpython_snippet = median_ms(time_process([PYTHON, "-c", SNIPPET], args.runs))
    cpython_bare = median_ms(time_process([PYTHON, "-c", "i = 21\ni*2"], args.runs))

    server = Server(free_port())
    try:
        row("stateless `/v1/execute`, imports json re csv statistics datetime collections io",
            median_ms(stateless(server, args.runs, args.warm_up)), "`python3 -c`", cpython_snippet)
        row("`POST /v1/sessions` + first execute of the same code",
            median_ms(sessions(server, args.runs, args.warm_up)), "`python3 -c`", cpython_snippet)
        if args.pause_ms:
            pause = args.pause_ms / 1000
            row(f"stateless `/v1/execute`, the same, one request every {args.pause_ms} ms (not back to back)",
                median_ms(stateless(server, args.runs, 2, pause)), "`python3 -c`", cpython_snippet)
            row(f"`POST /v1/sessions` + first execute, one every {args.pause_ms} ms",
                median_ms(sessions(server, args.runs, 2, pause)), "`python3 -c`", cpython_snippet)
    finally:
        server.close()

    stop_daemon()
    batch(300)   # a first batch starts the background process (and warms the OS caches)
    row("`./sandbox batch`, 300 bare snippets (`i*2`), JVM start included, per snippet",
        statistics.median(batch(300) for _ in range(3)) * 1000, "`python3 -c`", cpython_bare)
    row("`./sandbox batch --no-daemon`, the same, a whole JVM and its first Python context per batch",
        statistics.median(batch(300, "--no-daemon") for _ in range(3)) * 1000, "`python3 -c`", cpython_bare)

    sandbox = os.path.join(ROOT, "sandbox")
    stop_daemon()   # "repeat run": the runs after the one that starts the background process
    hello_py = median_ms(time_process([sandbox, "run", "examples/hello.py"], 6)[1:])
    row("`./sandbox run examples/hello.py`, repeat run", hello_py, "`python3 examples/hello.py`",
        median_ms(time_process([PYTHON, "examples/hello.py"], 5)))
    stop_daemon()
    hello_js = median_ms(time_process([sandbox, "run", "examples/hello.js"], 6)[1:])
    if shutil.which("node"):
        row("`./sandbox run examples/hello.js`, repeat run", hello_js, "`node examples/hello.js`",
            median_ms(time_process(["node", "examples/hello.js"], 5)))

    if not args.skip_jmh:
        try:
            scores = formulas()
        except subprocess.CalledProcessError as e:   # e.g. another JMH run holds /tmp/jmh.lock
            rows.append(f"| formulas (JMH FormulaBenchmark) | not measured: `benchmarks/run` exited {e.returncode} | | |")
            scores = {}
        jexl = scores.get("jexl")
        for name, label in (("sandlotPython", "Python formula"), ("sandlotJs", "JS formula")):
            if name in scores and jexl:
                row(f"{label} (JMH FormulaBenchmark, --quick -wi 12)", scores[name], "JEXL", jexl, unit="ns")

    table = "\n".join(["| what | Sandlot (median) | alternative (median) | ratio |", "|---|---:|---:|---:|"] + rows)
    command = "python3 benchmarks/side_by_side.py " + " ".join(sys.argv[1:])
    text = f"{table}\n\nCommand: `{command.strip()}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, " \
           f"1-minute load average at the end: {os.getloadavg()[0]:.1f}\n"
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
