# why: exit handlers run when a context closes normally: after the result, outside every limit (F4 in FINDINGS.md,
# why: fixed); the runner fails a case whose guest thread is still busy after the result
# expect: ok
import atexit
def forever():
    while True:
        pass
atexit.register(forever)
'registered'
