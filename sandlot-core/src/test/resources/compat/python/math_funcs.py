import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.isqrt(10**20 + 1))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), round(-2.5), round(2.5), round(3.5))
print(math.log(100, 10), math.log10(1000), math.log2(1024), math.log(math.e), math.log1p(1e-10), math.exp(1))
print(math.sin(math.pi / 6), math.cos(math.pi / 3), math.tan(math.pi / 4), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.hypot(1, 2, 2))
print(math.factorial(20), math.comb(52, 5), math.perm(10, 3), math.gcd(48, 180, 120), math.lcm(4, 6, 10))
print(math.prod([1, 2, 3, 4]), math.prod([0.5, 4]), math.fsum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1000, 1001, rel_tol=1e-2), math.isfinite(1e308 * 10), math.isnan(float("nan")))
print(math.copysign(3, -0.0), math.fabs(-4), math.fmod(7, -3), 7 % -3, math.remainder(7, 3), divmod(-7, 2))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(round(math.erf(0.5), 12), round(math.erfc(0.5), 12), round(math.gamma(5.5), 10), round(math.lgamma(10.5), 10))
print(math.sinh(1), round(math.cosh(1), 12), math.tanh(0.5), math.asinh(1), math.acos(0.5), math.asin(0.5))
print(math.exp(-700), math.exp(709), math.pow(2, 0.5), 2 ** 0.5, 10 ** -3, pow(10, -2))
print(math.nextafter(1.0, 2.0), math.ulp(1.0))
vals = [3.2, 1.5, 4.8, 2.2, 5.1]
mean = math.fsum(vals) / len(vals)
sd = math.sqrt(sum((v - mean) ** 2 for v in vals) / (len(vals) - 1))
print(f"mean={mean} sd={sd} cv={sd / mean:.4%}")
print([round(math.sin(x / 10), 4) for x in range(0, 30, 5)])
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
print(float("1e400"), -float("inf") < -1e308, 1e308 * 10 == math.inf, int(1e20), float(2**53 + 1))
