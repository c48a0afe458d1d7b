// n-body (after the Computer Language Benchmarks Game): a Jovian planets simulation.
// Prints the energy before and after SIZE steps (9 decimals) on stdout and its own run time on stderr.
//
//   node nbody.js 200000              (SIZE from argv)
//   Sandlot: inputs {"size": 200000}  (SIZE from the global bound by the sandbox)
//
// Only +, -, *, / and sqrt (all correctly rounded in IEEE 754), in the same order as nbody.py, so every
// runtime prints the same digits.
(function () {
  'use strict';
  const PI = 3.141592653589793;
  const SOLAR_MASS = 4 * PI * PI;
  const DAYS_PER_YEAR = 365.24;

  function body(x, y, z, vx, vy, vz, mass) {
    return { x: x, y: y, z: z, vx: vx, vy: vy, vz: vz, mass: mass };
  }

  function makeBodies() {
    return [
      body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS),
      body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
        1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS),
      body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
        -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS),
      body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
        2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS),
      body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
        2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS),
    ];
  }

  function offsetMomentum(bodies) {
    let px = 0.0, py = 0.0, pz = 0.0;
    for (const b of bodies) {
      px += b.vx * b.mass;
      py += b.vy * b.mass;
      pz += b.vz * b.mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
  }

  function energy(bodies) {
    let e = 0.0;
    const count = bodies.length;
    for (let i = 0; i < count; i++) {
      const b1 = bodies[i];
      e += 0.5 * b1.mass * (b1.vx * b1.vx + b1.vy * b1.vy + b1.vz * b1.vz);
      for (let j = i + 1; j < count; j++) {
        const b2 = bodies[j];
        const dx = b1.x - b2.x;
        const dy = b1.y - b2.y;
        const dz = b1.z - b2.z;
        e -= (b1.mass * b2.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
      }
    }
    return e;
  }

  function advance(bodies, dt, steps) {
    const count = bodies.length;
    for (let s = 0; s < steps; s++) {
      for (let i = 0; i < count; i++) {
        const b1 = bodies[i];
        for (let j = i + 1; j < count; j++) {
          const b2 = bodies[j];
          const dx = b1.x - b2.x;
          const dy = b1.y - b2.y;
          const dz = b1.z - b2.z;
          const d2 = dx * dx + dy * dy + dz * dz;
          const mag = dt / (d2 * Math.sqrt(d2));
          const b1m = b1.mass * mag;
          const b2m = b2.mass * mag;
          b1.vx -= dx * b2m;
          b1.vy -= dy * b2m;
          b1.vz -= dz * b2m;
          b2.vx += dx * b1m;
          b2.vy += dy * b1m;
          b2.vz += dz * b1m;
        }
      }
      for (let i = 0; i < count; i++) {
        const b = bodies[i];
        b.x += dt * b.vx;
        b.y += dt * b.vy;
        b.z += dt * b.vz;
      }
    }
  }

  const now = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
  const size = typeof globalThis.size === 'number' ? globalThis.size
    : (typeof process !== 'undefined' && process.argv.length > 2 ? Number(process.argv[2]) : 1000);
  const start = now();
  const bodies = makeBodies();
  offsetMomentum(bodies);
  console.log(energy(bodies).toFixed(9));
  advance(bodies, 0.01, size);
  console.log(energy(bodies).toFixed(9));
  console.error('elapsed_ms=' + (now() - start).toFixed(1));
})();
