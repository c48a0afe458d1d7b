from fractions import Fraction
import math

a = Fraction(3, 4)
b = Fraction("5/6")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-b))
print(Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction("0.125"), Fraction(Decimal := __import__("decimal").Decimal("1.25")))
print(Fraction(math.pi).limit_denominator(1000), float(Fraction(355, 113)))
print(repr(Fraction(6, 4)), str(Fraction(6, 4)), Fraction(6, 4).numerator, Fraction(6, 4).denominator)
print(sum(Fraction(1, n) for n in range(1, 11)))
print(Fraction(7, 2) // 1, Fraction(7, 2) % 1, round(Fraction(7, 2)), round(Fraction(5, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)))
print(sorted([Fraction(1, 3), Fraction(1, 4), Fraction(2, 7), 0.3]))
print(Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5, Fraction(3, 1) == 3)
print(f"{float(Fraction(2, 3)):.5f}", Fraction(2, 3).as_integer_ratio())
def egyptian(fr):
    out = []
    while fr.numerator:
        n = -(-fr.denominator // fr.numerator)
        out.append(Fraction(1, n))
        fr -= Fraction(1, n)
    return out
print(egyptian(Fraction(4, 13)))
print(Fraction(1, 3) + 1, 2 * Fraction(1, 3), 1 - Fraction(1, 3), Fraction(1, 3) + 0.5)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
