import time
from datetime import datetime, timezone
t0 = time.perf_counter()
time.sleep(0.05)
elapsed = time.perf_counter() - t0
print("slept ok:", 0.04 < elapsed < 2)
print(time.strftime("%Y-%m-%d", time.gmtime(0)), time.gmtime(86400 * 365).tm_year)
print(time.strftime("%H:%M:%S", time.gmtime(3661)), time.asctime(time.gmtime(0)))
print(time.mktime(time.localtime(1_700_000_000)) == 1_700_000_000)
now = datetime.now()
utcnow = datetime.now(timezone.utc)
print(abs((now.replace(tzinfo=None) - utcnow.replace(tzinfo=None)).total_seconds()) < 15 * 3600)
print(time.monotonic() > 0, time.process_time() >= 0, isinstance(time.time_ns(), int))
