from datetime import datetime, timedelta, timezone

utc = timezone.utc
cet = timezone(timedelta(hours=1), "CET")
pst = timezone(timedelta(hours=-8))
meetings = [datetime(2024, 3, 5, 14, 0, tzinfo=utc), datetime(2024, 3, 5, 9, 30, tzinfo=pst), datetime(2024, 3, 5, 16, 15, tzinfo=cet)]
for m in sorted(meetings):
    print(m.isoformat(), "|", m.astimezone(utc).strftime("%H:%M %Z"), "|", m.astimezone(cet).strftime("%Y-%m-%d %H:%M %z %Z"), "|", m.tzname())
print(meetings[1] - meetings[0], meetings[0] == meetings[0].astimezone(pst))
naive = datetime(2024, 1, 1, 12)
print(naive.replace(tzinfo=utc).timestamp(), naive.tzinfo, naive.replace(tzinfo=utc).isoformat())
print(datetime(2024, 6, 1, tzinfo=timezone(timedelta(hours=5, minutes=45))).strftime("%z %Z"))
print(datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1e9, utc).isoformat(), datetime(1970, 1, 1, tzinfo=utc) + timedelta(seconds=1234567890))
print(utc, repr(utc), str(pst), repr(cet), timezone.min, timezone.max)
try:
    naive - meetings[0]
except TypeError as e:
    print("TypeError")
print(datetime.fromisoformat("2024-03-05T14:00:00Z"), datetime.fromisoformat("2024-03-05T14:00:00.123+01:00"))
print(datetime(2024, 3, 5, 23, 30, tzinfo=pst).astimezone(utc).date())
