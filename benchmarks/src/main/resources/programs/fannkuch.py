# fannkuch-redux (after the Computer Language Benchmarks Game): flips of pancake stacks over all
# permutations of SIZE elements. Prints the checksum and the maximum number of flips on stdout and its own
# run time on stderr. The same algorithm, step for step, as fannkuch.js.
#
#   python3 fannkuch.py 10            (SIZE from argv)
#   Sandlot: inputs {"size": 10}      (SIZE from the global bound by the sandbox)
import sys
import time


def fannkuch(n):
    perm1 = list(range(n))
    count = list(range(n))
    perm = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    while True:
        k = perm1[0]
        if k:
            for i in range(n):
                perm[i] = perm1[i]
            flips = 1
            kk = perm[k]
            while kk:
                # reverse perm[0..k]
                lo = 0
                hi = k
                while lo < hi:
                    t = perm[lo]
                    perm[lo] = perm[hi]
                    perm[hi] = t
                    lo += 1
                    hi -= 1
                flips += 1
                k = kk
                kk = perm[kk]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign == 1 else -flips
        # next permutation, in the order the benchmark defines
        if sign == 1:
            t = perm1[0]
            perm1[0] = perm1[1]
            perm1[1] = t
            sign = -1
        else:
            t = perm1[1]
            perm1[1] = perm1[2]
            perm1[2] = t
            sign = 1
            r = 2
            while r < n - 1:
                if count[r]:
                    break
                count[r] = r
                perm0 = perm1[0]
                for i in range(r + 1):
                    perm1[i] = perm1[i + 1]
                perm1[r + 1] = perm0
                r += 1
            if r == n - 1 and not count[r]:
                return checksum, max_flips
            count[r] -= 1


def main(n):
    start = time.perf_counter()
    checksum, max_flips = fannkuch(n)
    print("%d\nPfannkuchen(%d) = %d" % (checksum, n, max_flips))
    print("elapsed_ms=%.1f" % ((time.perf_counter() - start) * 1000), file=sys.stderr)


try:
    SIZE = size  # noqa: F821 (bound as a global input by the sandbox)
except NameError:
    SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 7
main(SIZE)
