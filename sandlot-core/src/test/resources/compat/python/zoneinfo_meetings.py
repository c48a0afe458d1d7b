"""Schedules a weekly meeting across offices with zoneinfo, through daylight-saving changes."""
import zoneinfo
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

offices = {"New York": "America/New_York", "London": "Europe/London", "Berlin": "Europe/Berlin",
           "Kolkata": "Asia/Kolkata", "Tokyo": "Asia/Tokyo", "Sydney": "Australia/Sydney",
           "Sao Paulo": "America/Sao_Paulo", "Kathmandu": "Asia/Kathmandu"}
print("search path:", zoneinfo.TZPATH[0])
zones = {city: ZoneInfo(key) for city, key in offices.items()}
print(repr(zones["Berlin"]), str(zones["Tokyo"]), zones["London"].key)
print("same object:", ZoneInfo("Europe/Berlin") is zones["Berlin"])

start = datetime(2024, 3, 4, 15, 0, tzinfo=zones["New York"])
print(f"{'week':<12}" + "".join(f"{city:>16}" for city in offices))
for week in range(0, 40, 3):
    meeting = start + timedelta(weeks=week)
    row = [meeting.astimezone(zone).strftime("%a %H:%M %Z") for zone in zones.values()]
    print(f"{meeting.date().isoformat():<12}" + "".join(f"{cell:>16}" for cell in row))

print("\noffsets on 2024-07-01 12:00 UTC")
noon = datetime(2024, 7, 1, 12, tzinfo=timezone.utc)
for city, zone in sorted(zones.items(), key=lambda item: noon.astimezone(item[1]).utcoffset()):
    local = noon.astimezone(zone)
    print(f"  {city:<10} {local.isoformat()}  utcoffset={local.utcoffset()}  dst={local.dst()}  {local.tzname()}")

print("\nthe clocks go back in New York: fold")
ny = zones["New York"]
for fold in (0, 1):
    t = datetime(2024, 11, 3, 1, 30, fold=fold, tzinfo=ny)
    print(f"  fold={fold}: {t.isoformat()} {t.tzname()} = {t.astimezone(timezone.utc).isoformat()}")
gap = datetime(2024, 3, 10, 2, 30, tzinfo=ny)
print("  in the spring gap:", gap.isoformat(), gap.tzname(), gap.astimezone(timezone.utc).time())

print("\nhistory")
for key, when in (("Europe/Berlin", datetime(1916, 6, 1)), ("Europe/Berlin", datetime(1945, 6, 1)),
                  ("Asia/Kolkata", datetime(1940, 1, 1)), ("America/Sao_Paulo", datetime(2018, 12, 1)),
                  ("America/Sao_Paulo", datetime(2024, 12, 1)), ("Europe/Moscow", datetime(2012, 1, 1))):
    local = when.replace(tzinfo=ZoneInfo(key))
    print(f"  {key:<18} {when.date()} {local.utcoffset()} {local.tzname()}")

elapsed = datetime(2024, 3, 31, 12, tzinfo=zones["Berlin"]) - datetime(2024, 3, 30, 12, tzinfo=zones["Berlin"])
print("\nwall-clock day across the change:", elapsed)
print("real hours:", (datetime(2024, 3, 31, 12, tzinfo=zones["Berlin"]).astimezone(timezone.utc)
                      - datetime(2024, 3, 30, 12, tzinfo=zones["Berlin"]).astimezone(timezone.utc)))
available = zoneinfo.available_timezones()
print("\navailable:", all(key in available for key in offices.values()), "posixrules" in available,
      "right/UTC" in available, "UTC" in available)
for bad in ("Mars/Olympus_Mons", "../etc/passwd", "/etc/localtime"):
    try:
        ZoneInfo(bad)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        print(f"  {bad}: {type(error).__name__}: {error}")
