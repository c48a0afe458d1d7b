# why: loading a shared object as a C extension module
# expect: error, denied
import importlib.machinery, importlib.util
loader = importlib.machinery.ExtensionFileLoader('evil', '/lib/x86_64-linux-gnu/libc.so.6')
spec = importlib.util.spec_from_loader('evil', loader)
importlib.util.module_from_spec(spec)
assert False, 'extension loaded'
