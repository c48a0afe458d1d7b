# why: calling the raw host proxy directly with odd arguments gives back JSON text, never a host object
# expect: ok
# policy: hostfn
# value: ["str", "str"]
raw = next(c.cell_contents for c in echo.__closure__ if 'Foreign' in type(c.cell_contents).__name__)
[type(raw(object())).__name__, type(raw(lambda: 1, {1: 2})).__name__]
