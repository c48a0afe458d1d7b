# why: reading the standard library's source is allowed (read-only language home); documents the one host read
# expect: ok
# value: true
import os
with open(os.__file__) as f:
    head = f.read(100)
head.startswith('r"""OS routines')
