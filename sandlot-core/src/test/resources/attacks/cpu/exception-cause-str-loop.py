# why: an uncaught exception's chain is read after the code fails (str() of each exception it was raised from or
# why: while handling, as CPython's traceback prints it); a cause's __str__ and a note's __str__ run guest code then,
# why: and must be stopped on time and reported as the limit
# expect: timeout
# limits: timeoutMs=500
class Evil(Exception):
    def __str__(self):
        while True:
            pass
class Note:
    def __str__(self):
        while True:
            pass
try:
    raise Evil()
except Evil as e:
    outer = RuntimeError('outer')
    outer.__notes__ = [Note()]
    raise outer from e
