# why: weakref.finalize runs its callback at exit like atexit (F4 in FINDINGS.md, fixed)
# expect: ok
import weakref
class A:
    pass
a = A()
def forever():
    while True:
        pass
weakref.finalize(a, forever)
'registered'
