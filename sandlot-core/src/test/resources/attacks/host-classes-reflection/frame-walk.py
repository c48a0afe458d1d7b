# why: stack frames and tracebacks can lead to globals of code the guest did not write (the sandbox's helpers)
# expect: ok
# value: [true, []]
import sys
f = sys._getframe()
names = []
try:
    raise ValueError()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
[f.f_back is None, [n for n in names if n != 'main.py']]
