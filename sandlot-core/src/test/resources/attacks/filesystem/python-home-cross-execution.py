# why: a file planted in the language home by one execution must not be seen by the next (F1 in FINDINGS.md, fixed)
# expect: error, denied, ok
# then: import os
# then: [n for n in os.listdir(os.path.dirname(os.__file__)) if n.startswith('sandlot-pwned')]
# then-value: []
import os
with open(os.path.join(os.path.dirname(os.__file__), marker + '.py'), 'w') as f:
    f.write("SECRET = 'planted'\n")
