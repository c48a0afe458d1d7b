# why: polyglot.eval runs another language's code in the same context
# expect: error, denied
import polyglot
polyglot.eval(language='js', string='1 + 1')
assert False, 'polyglot.eval returned'
