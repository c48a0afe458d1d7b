# Timestamps from two sources, one with a UTC offset and one without: an agent sorts and subtracts them and reports
# what Python says when naive and aware values meet.
import datetime

logged = ['2024-03-10T08:15:00', '2024-03-10T09:40:00+00:00', '2024-03-10T07:05:00-05:00', '2024-03-10T12:00:00Z']
stamps = [datetime.datetime.fromisoformat(text) for text in logged]
for stamp in stamps:
    print(stamp.isoformat(), 'aware' if stamp.tzinfo else 'naive')

for label, action in [('sort', lambda: sorted(stamps)), ('max', lambda: max(stamps)),
                      ('subtract', lambda: stamps[1] - stamps[0]), ('subtract back', lambda: stamps[0] - stamps[1]),
                      ('compare <=', lambda: stamps[0] <= stamps[2]), ('equal', lambda: stamps[0] == stamps[1]),
                      ('times', lambda: datetime.time(9, 30) < datetime.time(9, 30, tzinfo=datetime.timezone.utc))]:
    try:
        print(label, '->', action())
    except TypeError as error:
        print(label, '-> TypeError:', error, error.args, error.__context__, error.__cause__)

aware = [stamp if stamp.tzinfo else stamp.replace(tzinfo=datetime.timezone.utc) for stamp in stamps]
for stamp in sorted(aware):
    print(stamp.astimezone(datetime.timezone.utc).isoformat(), stamp - aware[0])
print(max(aware) - min(aware), aware[1] == aware[1].astimezone(datetime.timezone(datetime.timedelta(hours=2))))
print(datetime.time(9, 30, tzinfo=datetime.timezone.utc) < datetime.time(10, 0, tzinfo=datetime.timezone.utc))
