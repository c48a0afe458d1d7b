# why: the _ctypes primitives: resolving a native symbol is the step before calling it
# expect: error, denied
import _ctypes
handle = _ctypes.dlopen(None)
address = _ctypes.dlsym(handle, 'system')
assert False, 'a native symbol was resolved: %r' % address
