# why: a Python host function is a closure over the raw host proxy; reaching Java through that proxy must fail
# expect: error, denied
# policy: hostfn
raw = [c.cell_contents for c in echo.__closure__ if callable(c.cell_contents) and 'Foreign' in type(c.cell_contents).__name__]
assert raw, 'no raw proxy in the closure'
raw[0].getClass().getClassLoader()
