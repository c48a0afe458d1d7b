# why: ctypes calls native functions
# expect: error, denied
import ctypes
ctypes.CDLL(None).system(('touch ' + hostDir + '/' + marker).encode())
assert False, 'libc system returned'
