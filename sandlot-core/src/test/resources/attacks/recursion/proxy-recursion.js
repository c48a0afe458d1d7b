// why: a proxy whose get trap reads itself
// expect: error
// error-type: RangeError
const p = new Proxy({}, { get: (t, k) => p[k] });
p.x
