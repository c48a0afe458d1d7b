from collections import namedtuple, deque

Point = namedtuple("Point", ["x", "y"])
Trade = namedtuple("Trade", "symbol qty price", defaults=[0.0])

p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10))
print(Point._fields, Trade._field_defaults)
t = Trade("ACME", 10)
print(t, t.price)
print(Trade._make(["XYZ", 5, 12.5]))
x, y = p
print(x + y, sum(p), tuple(p), p == (3, 4))

prices = [10, 11, 12, 13, 12, 11, 15, 18, 17, 16, 20]
window = deque(maxlen=3)
for price in prices:
    window.append(price)
    if len(window) == window.maxlen:
        print(f"{price:3d} ma3={sum(window) / len(window):.3f}", list(window))

d = deque(range(1, 8))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.appendleft(0)
d.extend([100, 200])
print(d, d.popleft(), d.pop(), len(d))
print(deque("abc", maxlen=2))
queue = deque()
for job in ["a", "b", "c"]:
    queue.append(job)
while queue:
    print("processing", queue.popleft())
print(repr(deque()), deque([1, 2]) == deque([1, 2]))
