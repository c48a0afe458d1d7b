// fannkuch-redux (after the Computer Language Benchmarks Game): flips of pancake stacks over all
// permutations of SIZE elements. Prints the checksum and the maximum number of flips on stdout and its own
// run time on stderr. The same algorithm, step for step, as fannkuch.py.
//
//   node fannkuch.js 10               (SIZE from argv)
//   Sandlot: inputs {"size": 10}      (SIZE from the global bound by the sandbox)
(function () {
  'use strict';

  function fannkuch(n) {
    const perm1 = new Int32Array(n);
    const count = new Int32Array(n);
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      perm1[i] = i;
      count[i] = i;
    }
    let maxFlips = 0;
    let checksum = 0;
    let sign = 1;
    for (;;) {
      let k = perm1[0];
      if (k) {
        for (let i = 0; i < n; i++) {
          perm[i] = perm1[i];
        }
        let flips = 1;
        let kk = perm[k];
        while (kk) {
          // reverse perm[0..k]
          let lo = 0;
          let hi = k;
          while (lo < hi) {
            const t = perm[lo];
            perm[lo] = perm[hi];
            perm[hi] = t;
            lo++;
            hi--;
          }
          flips++;
          k = kk;
          kk = perm[kk];
        }
        if (flips > maxFlips) {
          maxFlips = flips;
        }
        checksum += sign === 1 ? flips : -flips;
      }
      // next permutation, in the order the benchmark defines
      if (sign === 1) {
        const t = perm1[0];
        perm1[0] = perm1[1];
        perm1[1] = t;
        sign = -1;
      } else {
        const t = perm1[1];
        perm1[1] = perm1[2];
        perm1[2] = t;
        sign = 1;
        let r = 2;
        while (r < n - 1) {
          if (count[r]) {
            break;
          }
          count[r] = r;
          const perm0 = perm1[0];
          for (let i = 0; i <= r; i++) {
            perm1[i] = perm1[i + 1];
          }
          perm1[r + 1] = perm0;
          r++;
        }
        if (r === n - 1 && !count[r]) {
          return [checksum, maxFlips];
        }
        count[r]--;
      }
    }
  }

  const now = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
  const size = typeof globalThis.size === 'number' ? globalThis.size
    : (typeof process !== 'undefined' && process.argv.length > 2 ? Number(process.argv[2]) : 7);
  const start = now();
  const result = fannkuch(size);
  console.log(result[0] + '\nPfannkuchen(' + size + ') = ' + result[1]);
  console.error('elapsed_ms=' + (now() - start).toFixed(1));
})();
