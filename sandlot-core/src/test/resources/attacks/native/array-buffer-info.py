# why: buffer_info() returns a native address in CPython; GraalPy fails inside the runtime: the guest's error (F8)
# expect: ok, error
import array
array.array('i', [1]).buffer_info()
