# why: exception class names, function names and file names come from the guest: they must be capped (F6)
# expect: error
# limits: maxOutputBytes=10000
class E(Exception):
    pass
E.__name__ = E.__qualname__ = 'T' * 5000000
exec(compile('def ' + 'g' * 3000000 + '():\n    raise E()\n' + 'g' * 3000000 + '()', 'F' * 3000000, 'exec'))
