def read_lines(text):
    for line in text.splitlines():
        yield line

def parse(lines):
    for line in lines:
        if not line or line.startswith("#"):
            continue
        name, qty, price = line.split(";")
        yield name.strip(), int(qty), float(price)

def with_total(records):
    for name, qty, price in records:
        yield name, qty, price, qty * price

TEXT = """# inventory
widget; 4; 2.50
gadget; 10; 1.25

gizmo; 1; 99.99
# end
"""
for rec in with_total(parse(read_lines(TEXT))):
    print("%-8s %3d %7.2f %8.2f" % rec)

def countdown(n):
    while n > 0:
        received = yield n
        if received:
            n = received
        else:
            n -= 1
g = countdown(5)
print(next(g), next(g), g.send(10), next(g))
g.close()

def chain(*its):
    for i in its:
        yield from i
print(list(chain([1, 2], range(3, 5), "ab")))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
gen = (x * x for x in range(10) if x % 2)
print(sum(gen), sum(gen))

def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 30, 5]])

def gen_with_return():
    yield 1
    return "finished"
def delegator():
    result = yield from gen_with_return()
    print("sub returned", result)
print(list(delegator()))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
print(list(enumerate("abc", start=1)), list(zip("ab", [1, 2], strict=True)), dict(zip("xy", range(2))))
