# why: a trace function runs on every line; an endless one must still be stopped
# expect: timeout
# limits: timeoutMs=500
import sys
def tracer(frame, event, arg):
    while True:
        pass
sys.settrace(tracer)
def f():
    return 1
f()
