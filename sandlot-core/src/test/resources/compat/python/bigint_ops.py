import math
import sys

print(2 ** 100, 3 ** 50 % 1000007, pow(3, 10**6, 10**9 + 7), pow(7, -1, 13))
print(math.factorial(50))
print(len(str(math.factorial(1000))), sum(int(d) for d in str(2 ** 1000)))
print((10**30 + 7) // 13, (10**30 + 7) % 13, divmod(-10**20, 7), (-7) // 2, -(7 // 2))
print(int("9" * 50) + 1, hex(2**64), bin(255), oct(64), int("ff", 16), int("0b1010", 0), int("z", 36))
print((2**64).bit_length(), (255).bit_count(), (-5).bit_length(), abs(-2**70), 2**70 > 1e21)
print(10**20 / 3, 10**400 // 10**399, float(10**300) * 10 == float("inf"))
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    str(10**5000)
except ValueError as e:
    print("ValueError raised")
print(sys.get_int_max_str_digits())
fib = [0, 1]
while len(fib) < 300:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], len(str(fib[-1])))
print(math.isqrt(10**50), math.gcd(2**100, 6**50), math.comb(100, 50))
print(round(123456789, -3), round(-1550, -2), round(2**70 + 1, -20), 12345678901234567890 * 98765432109876543210)
