# why: catastrophic backtracking with a backreference (no automaton can take it)
# expect: timeout
# limits: timeoutMs=500
import re
re.match(r'(a+)+\1$', 'a' * 40 + 'b')
