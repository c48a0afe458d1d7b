# An agent's everyday job: 10,000 rows of CSV parsed with csv, grouped, and summarised with statistics.
# Prints the same on CPython and in Sandlot, under Sandlot's default limits.
import csv
import io
import json
import statistics
from collections import defaultdict

REGIONS = ['north', 'south', 'east', 'west', 'central']
buffer = io.StringIO()
writer = csv.writer(buffer)
writer.writerow(['id', 'region', 'units', 'price'])
for i in range(10_000):
    writer.writerow([i, REGIONS[i % 5], (i * 7919) % 113, round(((i * 104729) % 10_007) / 100, 2)])

rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
by_region = defaultdict(list)
for row in rows:
    by_region[row['region']].append(int(row['units']) * float(row['price']))

summary = {
    region: {
        'count': len(values),
        'total': round(sum(values), 2),
        'mean': round(statistics.mean(values), 4),
        'median': round(statistics.median(values), 4),
        'stdev': round(statistics.stdev(values), 4),
    }
    for region, values in sorted(by_region.items())
}
print(len(rows))
print(json.dumps(summary, sort_keys=True))
