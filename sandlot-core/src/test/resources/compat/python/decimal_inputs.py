# Money amounts typed by users, parsed with decimal: each bad one is reported with the error decimal raises.
import decimal
from decimal import Decimal, InvalidOperation, localcontext

for text in ['19.99', ' 7.50 ', '1,000.00', '$5', '', 'abc', '1e3', 'NaN', '-0.00', '12.345']:
    try:
        amount = Decimal(text)
        print(repr(text), '->', amount, amount.quantize(Decimal('0.01')))
    except InvalidOperation as error:
        print(repr(text), '-> InvalidOperation', error, error.args, repr(error))

for label, compute in [('divide by zero', lambda: Decimal('10') / Decimal('0')),
                       ('zero by zero', lambda: Decimal('0') / Decimal('0')),
                       ('integer divide by zero', lambda: Decimal('7') // Decimal('0')),
                       ('too many digits', lambda: Decimal('123.456').quantize(Decimal('1e-30'))),
                       ('sqrt of negative', lambda: Decimal('-4').sqrt()),
                       ('overflow', lambda: Decimal('9e999999') * 10),
                       ('nan compare', lambda: Decimal('NaN') < 1),
                       ('log of zero', lambda: Decimal(0).ln())]:
    try:
        print(label, '->', compute())
    except decimal.DecimalException as error:
        print(label, '->', type(error).__name__, error, isinstance(error, ArithmeticError))

with localcontext() as context:
    context.traps[decimal.DivisionByZero] = False
    context.traps[decimal.InvalidOperation] = False
    print(Decimal(1) / Decimal(0), Decimal("abc"), bool(context.flags[decimal.DivisionByZero]))
with localcontext(prec=5, traps=[decimal.Inexact]) as context:
    try:
        print(Decimal(1) / Decimal(3))
    except decimal.Inexact as error:
        print('Inexact', error)
print(sum((Decimal('0.10'), Decimal('0.20'), Decimal('0.30')), Decimal(0)))
