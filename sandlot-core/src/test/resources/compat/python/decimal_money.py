from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, getcontext, localcontext, InvalidOperation, DivisionByZero

prices = ["19.99", "5.01", "0.10", "0.20", "100.005", "3.333"]
total = sum(Decimal(p) for p in prices)
print("total", total, repr(total))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
cent = Decimal("0.01")
for p in ["2.675", "2.665", "-1.005", "100.005"]:
    d = Decimal(p)
    print(p, d.quantize(cent, rounding=ROUND_HALF_UP), d.quantize(cent, rounding=ROUND_HALF_EVEN), d.quantize(cent, ROUND_DOWN))
tax = Decimal("0.0825")
subtotal = Decimal("1234.56")
print("tax", (subtotal * tax).quantize(cent, ROUND_HALF_UP), subtotal * tax)
print(Decimal(1) / Decimal(7))
getcontext().prec = 10
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
with localcontext() as ctx:
    ctx.prec = 40
    print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
print(Decimal(1) / Decimal(3))
getcontext().prec = 28
print(Decimal(0.1))
print(Decimal("1.20") * 3, Decimal("1.20") + Decimal("1.3"), Decimal("10") / Decimal("4"))
print(Decimal("1e3"), Decimal("1E+3").normalize(), Decimal("100").normalize(), Decimal("0.000"), Decimal("-0"))
print(f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.5'):.0f}", f"{Decimal('1.5'):.0f}", format(Decimal("12.3456"), ".2%"))
print(Decimal("3.14159").as_tuple(), Decimal("12.50").to_integral_value(), int(Decimal("9.99")), float(Decimal("1.1")))
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("2.345"), 2))
print(max(Decimal("1.1"), Decimal("1.10")), Decimal("1.1") == Decimal("1.10"), sorted([Decimal("2"), Decimal("1.5"), Decimal("-3")]))
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)
splits = [Decimal("100.00") / 3] * 3
print(splits[0].quantize(cent), sum(s.quantize(cent) for s in splits))
print(Decimal("7.5") % 2, Decimal("-7.5") % 2, divmod(Decimal("7.5"), 2), Decimal(2) ** 10, Decimal("1.1") ** 2)
print(Decimal("12.345").quantize(Decimal("1.0")), Decimal("123.456").scaleb(2), Decimal("5").compare(Decimal("6")))
