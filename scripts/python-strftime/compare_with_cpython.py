"""Compares the sandbox's strftime (PythonDialect's glibc_strftime, read from the Java source) with CPython's
time.strftime on this machine, over every conversion with every flag, width and modifier, on ~4,000 dates (a
diagnostic, not a test). Run with CPython from the repository root:

    python3 scripts/python-strftime/compare_with_cpython.py

Prints the first mismatches and their count. Known: %z with a flag or a width (glibc's own oddities) is left out,
and %#Eb / %#Eh differ."""
import datetime
import random
import textwrap
import time

SOURCE = 'sandlot-core/src/main/java/io/sandlot/internal/lang/PythonDialect.java'
java = open(SOURCE, encoding='utf-8').read()
start = java.index('            def glibc_strftime(original')
end = java.index('            return strftime\n', start) + len('            return strftime\n')
namespace = {}
exec(textwrap.dedent(java[start:end]), namespace)
ours = namespace['glibc_strftime'](time.strftime, time.tzname, time.localtime)

CONVERSIONS = 'aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%QEO+:5'
formats = ['%' + flags + width + modifier + conversion
           for flags in ['', '-', '_', '0', '^', '#', '-0', '^#', '_^']
           for width in ['', '1', '3', '10']
           for modifier in ['', 'E', 'O']
           for conversion in CONVERSIONS]
formats += ['%', 'a%', '%-', 'x%Yy', '%Y-%m-%dT%H:%M:%S', '%%Y', '%%%Y', '%E', '%O', '%Ez', '%5']

rng = random.Random(1)
times = [datetime.datetime(2024, 1, 1).timetuple(),
         time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0, 'ABC', 3600)),
         time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0, 'ABC', -5400)),
         (2024, 0, 0, 0, 0, 0, 0, 0, 0), (2024, 1, 1, 0, 0, 0, -1, 1, -1), (2024, 1, 1, 0, 0, 0, 7, 1, 0),
         (2024, 1, 1, 0, 0, 0, 0, 1, 5), time.localtime(0), time.gmtime(0)]
times += [time.gmtime(rng.randrange(-2 ** 33, 2 ** 34)) for _ in range(300)]
for year in [1, 4, 5, 99, 100, 999, 1000, 1969, 1970, 2000, 2020, 2021, 2024, 9999]:
    for month, day in [(1, 1), (1, 2), (1, 3), (1, 4), (12, 28), (12, 29), (12, 30), (12, 31), (2, 29), (7, 4)]:
        try:
            times.append(datetime.datetime(year, month, day, rng.randrange(24), 7, 9).timetuple())
        except ValueError:
            pass

mismatches = 0
for t in times:
    for f in formats:
        if f.endswith('z') and len(f) > 2:
            continue
        expected, actual = time.strftime(f, t), ours(f, t)
        if expected != actual:
            mismatches += 1
            if mismatches <= 10:
                print(repr(f), tuple(t)[:9], 'CPython', repr(expected), 'sandbox', repr(actual))
print(f'{mismatches} mismatches in {len(times) * len(formats)} format and time pairs')
