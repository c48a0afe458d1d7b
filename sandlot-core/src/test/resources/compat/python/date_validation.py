# Validating dates and times typed by users: each bad field is reported with the error datetime raises.
import datetime

entries = [
    ('2024-02-29', '09:30'), ('2023-02-29', '09:30'), ('2024-13-01', '10:00'), ('2024-04-31', '25:00'),
    ('0000-01-01', '00:00'), ('2024-06-15', '12:60'), ('2024-06-15', '23:59'),
]
for day, time in entries:
    year, month, date = (int(part) for part in day.split('-'))
    hour, minute = (int(part) for part in time.split(':'))
    try:
        moment = datetime.datetime(year, month, date, hour, minute)
        print(f'{day} {time}: ok, a {moment:%A}, day {moment.timetuple().tm_yday} of the year')
    except ValueError as error:
        print(f'{day} {time}: {error}')

for fields in [dict(second=61), dict(microsecond=10 ** 6), dict(fold=3), dict(hour=-1)]:
    try:
        datetime.time(**fields)
    except ValueError as error:
        print(fields, '->', error, error.args)
try:
    datetime.date(2024, 1, 1).replace(day=32)
except ValueError as error:
    print('replace:', error)
