# A report that formats numbers through the locale module, as a program that never calls setlocale sees it: the C
# locale, whatever the host's.
import locale

totals = {'north': 1234567.891, 'south': 98765.4, 'east': 0.5}
conventions = locale.localeconv()
print('decimal point', repr(conventions['decimal_point']), 'thousands', repr(conventions['thousands_sep']),
      'grouping', conventions['grouping'])
print(sorted(conventions))
for region, total in totals.items():
    print(f'{region:>6}', locale.format_string('%12.2f', total, grouping=True), locale.str(total))
print(locale.atof('1234.5') * 2, locale.atoi('42') + 1, locale.delocalize('3.25'))
try:
    locale.currency(12.5)
except ValueError as error:
    print('currency:', error)
print('numeric locale', locale.setlocale(locale.LC_NUMERIC), 'monetary', locale.setlocale(locale.LC_MONETARY))
print(f"{sum(totals.values()):,.2f}", format(1234567, ','))
