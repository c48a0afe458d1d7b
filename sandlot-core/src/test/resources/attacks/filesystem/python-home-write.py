# why: GraalPy's home (its standard library) is real host files shared by every context: writing there must be refused
# why: (F1 in FINDINGS.md, fixed)
# expect: error, denied
import os
path = os.path.join(os.path.dirname(os.__file__), marker)
with open(path, 'w') as f:
    f.write('SECRET = 1')
assert False, 'wrote into the language home'
