# why: lifting the recursion limit so that the host's stack is what overflows
# expect: error
# error-type: RecursionError, StackOverflowError
import sys
sys.setrecursionlimit(10 ** 8)
def f(n):
    return f(n + 1) + 1
f(0)
