import csv
import io
import statistics
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION

ROWS = "\n".join(["store,month,sales"] + [f"s{i % 4},{1 + i % 12},{(i * 37) % 101}" for i in range(96)])


def load(store):
    reader = csv.DictReader(io.StringIO(ROWS))
    return store, [int(row["sales"]) for row in reader if row["store"] == store]


def summarize(item):
    store, sales = item
    return {"store": store, "n": len(sales), "total": sum(sales), "median": statistics.median(sales)}


def check(store):
    if store == "s3":
        raise ValueError(f"no data for {store}")
    return store


stores = ["s0", "s1", "s2", "s3"]
with ThreadPoolExecutor(max_workers=4) as pool:
    loaded = list(pool.map(load, stores))
    summaries = list(pool.map(summarize, loaded))
for summary in summaries:
    print(summary)

with ThreadPoolExecutor() as pool:
    futures = {pool.submit(summarize, item): item[0] for item in loaded}
    totals = {futures[f]: f.result()["total"] for f in as_completed(futures)}
print(sorted(totals.items()))

with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(check, s) for s in stores]
    done, pending = wait(futures, return_when=FIRST_EXCEPTION)
    errors = [str(f.exception()) for f in futures if f.exception()]
print(len(done) + len(pending), errors)

try:
    with ThreadPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(check, stores)))
except ValueError as e:
    print("map raised:", e)

pool = ThreadPoolExecutor(max_workers=1)
future = pool.submit(pow, 2, 10)
print(future.result(), future.done(), future.running(), future.cancelled())
pool.shutdown()
try:
    pool.submit(pow, 2, 3)
except RuntimeError as e:
    print(e)
