import calendar
import csv
import io
from collections import defaultdict
from datetime import date, timedelta

transactions = []
day = date(2023, 11, 20)
amounts = [120.5, 33.1, 75.0, 12.99, 250.0, 8.45, 60.0, 19.99, 300.0, 42.42]
for i in range(40):
    transactions.append((day + timedelta(days=i * 3), amounts[i % len(amounts)]))

monthly = defaultdict(float)
for d, amt in transactions:
    monthly[(d.year, d.month)] += amt

for (y, m), total in sorted(monthly.items()):
    days_in = calendar.monthrange(y, m)[1]
    print(f"{calendar.month_name[m]:>9} {y}: {total:9.2f} over {days_in} days, {total / days_in:6.2f}/day")

print(calendar.isleap(2024), calendar.leapdays(2000, 2025), calendar.weekday(2024, 2, 29))
print(list(calendar.day_abbr))
print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12))
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["month", "total"])
for (y, m), total in sorted(monthly.items()):
    w.writerow([f"{y}-{m:02d}", round(total, 2)])
print(buf.getvalue())
print(calendar.monthcalendar(2024, 3)[0])
