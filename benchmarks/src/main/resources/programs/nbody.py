# n-body (after the Computer Language Benchmarks Game): a Jovian planets simulation.
# Prints the energy before and after SIZE steps (9 decimals) on stdout and its own run time on stderr.
#
#   python3 nbody.py 200000           (SIZE from argv)
#   Sandlot: inputs {"size": 200000}  (SIZE from the global bound by the sandbox)
#
# Only +, -, *, / and sqrt (all correctly rounded in IEEE 754), in the same order as nbody.js, so every
# runtime prints the same digits.
import sys
import time
from math import sqrt

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    return [
        # sun
        [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
        # jupiter
        [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
         [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
          -6.90460016972063023e-05 * DAYS_PER_YEAR],
         9.54791938424326609e-04 * SOLAR_MASS],
        # saturn
        [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
         [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR],
         2.85885980666130812e-04 * SOLAR_MASS],
        # uranus
        [[1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
         [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
          -2.96589568540237556e-05 * DAYS_PER_YEAR],
         4.36624404335156298e-05 * SOLAR_MASS],
        # neptune
        [[1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
         [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
          -9.51592254519715870e-05 * DAYS_PER_YEAR],
         5.15138902046611451e-05 * SOLAR_MASS],
    ]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for (_, (vx, vy, vz), m) in bodies:
        px += vx * m
        py += vy * m
        pz += vz * m
    v = bodies[0][1]
    v[0] = -px / SOLAR_MASS
    v[1] = -py / SOLAR_MASS
    v[2] = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    count = len(bodies)
    for i in range(count):
        (x1, y1, z1), (vx, vy, vz), m1 = bodies[i]
        e += 0.5 * m1 * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, count):
            (x2, y2, z2), _, m2 = bodies[j]
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            e -= (m1 * m2) / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for ((r1, v1, m1), (r2, v2, m2)) in pairs:
            dx = r1[0] - r2[0]
            dy = r1[1] - r2[1]
            dz = r1[2] - r2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for (r, v, _) in bodies:
            r[0] += dt * v[0]
            r[1] += dt * v[1]
            r[2] += dt * v[2]


def main(steps):
    start = time.perf_counter()
    bodies = make_bodies()
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    offset_momentum(bodies)
    print("%.9f" % energy(bodies))
    advance(bodies, pairs, 0.01, steps)
    print("%.9f" % energy(bodies))
    print("elapsed_ms=%.1f" % ((time.perf_counter() - start) * 1000), file=sys.stderr)


try:
    SIZE = size  # noqa: F821 (bound as a global input by the sandbox)
except NameError:
    SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
main(SIZE)
