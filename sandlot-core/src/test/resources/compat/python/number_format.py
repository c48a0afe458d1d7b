import locale

nums = [0, 7, 1234, -98765, 1234567890, 10**15]
for n in nums:
    print(f"{n:,} | {n:_} | {n:>15,} | {n:e} | {n:.2e} ")
floats = [1234.5, 0.000123, -9876543.21, 1e-9, 123456789.987654321]
for x in floats:
    print(f"{x:,.2f} | {x:.4g} | {x:12.3e} | {x:,.0f} | {x:.1%}")
def human(n):
    for unit in ["B", "KB", "MB", "GB", "TB"]:
        if abs(n) < 1024:
            return f"{n:3.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PB"
print([human(s) for s in [0, 999, 1024, 123456, 10**9, 5 * 10**12, 10**17]])
def si(n):
    for div, suf in [(1e9, "B"), (1e6, "M"), (1e3, "K")]:
        if abs(n) >= div:
            return f"{n / div:.1f}{suf}"
    return str(n)
print([si(v) for v in [999, 1500, 2_500_000, 7_250_000_000, -3200]])
print(f"{0.1:.20f}", f"{1/3:.30f}", f"{2**0.5:.17g}", f"{1e21:f}", f"{1e21:,.0f}")
print(format(123456789, ","), format(-1234.5678, ",.3f"), format(0.5, "%"), format(1/8, ".1%"))
print(f"{3:>5}{'x':>3}", f"{'ab':<4}{'cd':^6}{'ef':>4}", f"{-1:x<5}", f"{1:0=+6}")
