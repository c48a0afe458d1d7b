# why: the LLVM (Sulong) language would run native code
# expect: error, denied
import polyglot
polyglot.eval(language='llvm', string='')
assert False, 'polyglot.eval returned'
