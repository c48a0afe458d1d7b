"""A weekly report's date handling: ISO weeks, glibc's directives and flags in strftime, f-string date formats,
logging's datefmt and time.strftime over plain tuples."""
import datetime
import io
import logging
import time

orders = [("2023-12-30", 120.0), ("2024-01-01", 80.5), ("2024-01-07", 42.0), ("2024-01-08", 17.25),
          ("2024-02-29", 99.0), ("2024-12-30", 5.0), ("2021-01-03", 1.0)]
weeks = {}
for day, amount in orders:
    d = datetime.date.fromisoformat(day)
    weeks.setdefault(d.strftime("%G-W%V"), []).append(amount)
for week in sorted(weeks):
    print(f"{week}: {len(weeks[week])} orders, {sum(weeks[week]):8.2f}")

moment = datetime.datetime(2024, 7, 4, 9, 5, 3, 120000)
for fmt in ["%F %T", "%D %R", "%r", "%e %b %Y", "%-d/%-m/%y", "%A %-I:%M %p", "%a %_d %^b", "%j %U %W %u %w",
            "%C %g %G %V", "%k|%l|%P", "%10Y|%_5d|%-5H|%05e", "%^A %#b %#p", "%c", "%x %X", "%s", "100%%", "%Q %E",
            "%Ey %Od %OH"]:
    print(repr(fmt), "->", repr(moment.strftime(fmt)))
print(f"{moment:%Y-%m-%dT%H:%M:%S.%f}", f"{moment.date():%a %d %b}", f"{moment:%e}")
aware = moment.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=-5, minutes=-30), "EST-ish"))
print(aware.strftime("%F %T %z %Z"), moment.strftime("[%z][%Z]"))
print(datetime.date(5, 1, 1).strftime("%Y %F %C %y %G"), datetime.date(2021, 1, 1).isocalendar()[:])
print(datetime.date(2024, 2, 29).isocalendar(), datetime.date(2024, 2, 29).isocalendar().week)

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", datefmt="%F %T"))
log = logging.getLogger("report")
log.addHandler(handler)
log.warning("week closed")
stamp = stream.getvalue().split()
print(len(stamp[0]), len(stamp[1]), stamp[2:])

print(time.strftime("%Y-%m-%d %H:%M:%S %Z %z %s", (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%d %m %j %a", (2024, 0, 0, 0, 0, 0, -1, 0, -1)), time.strftime("%Z %z", time.gmtime(0)))
print(time.localtime(0).tm_zone, time.strftime("%e %k", time.gmtime(86400 * 40 + 3600 * 7)))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1), "2024", (2024, 1, 1, 25, 0, 0, 0, 1, 0)]:
    try:
        time.strftime("%Y", bad)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
try:
    time.strftime(2024)
except TypeError as error:
    print("TypeError", error)
