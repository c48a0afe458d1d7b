"""What verifying a reused Python context would cost (issue 9; a diagnostic, not a benchmark). Run from the
repository root:

    ./sandbox run --no-daemon --timeout-ms 300000 --cpu-time-ms 0 --max-memory-mb 4000 \\
        scripts/python-reset/state_walk.py

A context could serve a later request only if nothing the earlier one did is left in it: every module, class,
function, container and instance reachable from sys.modules would have to be compared with a snapshot taken after
the common imports. This walks that graph (as a snapshot or a check must) and takes a shallow copy of each mutable
object's state, the least such a check does; it does not even compare. It prints how many objects there are and
what one walk costs, over WALKS walks in one context (the JIT warms up on the later ones)."""
import sys
import time
import types
import json, re, csv, statistics, datetime, collections, io  # noqa: E401,F401 - the issue's imports

WALKS = 60
LEAVES = (int, float, str, bytes, bool, type(None), complex, types.CodeType, range, slice, type(Ellipsis))


def walk():
    seen = {}
    stack = [{k: v for k, v in sys.modules.items() if k != '__main__'},
             {k: v for k, v in sys.__dict__.items() if k != 'modules'}]
    push = stack.append
    while stack:
        o = stack.pop()
        t = type(o)
        if t in LEAVES or id(o) in seen:
            continue
        if t is dict:
            state = list(o.items())
            for _, v in state:
                push(v)
        elif t is list or t is set:
            state = list(o)
            for v in state:
                push(v)
        elif t is tuple or t is frozenset:
            state = None
            for v in o:
                push(v)
        elif t is types.ModuleType:
            state = None
            push(o.__dict__)
        elif isinstance(o, type):
            state = list(vars(o).items())
            for _, v in state:
                push(v)
        elif t is types.FunctionType:
            state = (o.__code__, o.__defaults__, o.__kwdefaults__, o.__closure__)
            push(o.__defaults__)
            push(o.__kwdefaults__)
            push(o.__dict__)
            for cell in o.__closure__ or ():
                try:
                    push(cell.cell_contents)
                except ValueError:
                    pass
        else:
            d = getattr(o, '__dict__', None)
            state = list(d.items()) if type(d) is dict else None
            for _, v in state or ():
                push(v)
        seen[id(o)] = (o, state)
    return len(seen)


times = []
for _ in range(WALKS):
    start = time.perf_counter()
    count = walk()
    times.append((time.perf_counter() - start) * 1000)
times_sorted = sorted(times)
print(f'{count} objects reachable; one walk: first {times[0]:.1f} ms, median {times_sorted[len(times) // 2]:.1f} ms, '
      f'min {times_sorted[0]:.1f} ms over {WALKS} walks')
