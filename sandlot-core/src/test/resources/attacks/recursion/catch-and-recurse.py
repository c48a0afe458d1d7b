# why: catching RecursionError and recursing again swallows in-process cancellation (FINDINGS.md, F5): with
# why: worker isolation the caller still gets timeout on time and the worker is replaced
# expect: timeout
# limits: timeoutMs=1000
# policy: worker
def f():
    try:
        f()
    except RecursionError:
        f()
f()
