# why: replacing builtins the next guest relies on
# expect: ok
# then: [len([1, 2]), sorted([2, 1]), isinstance(1, int), str(1)]
# then-value: [2, [1, 2], true, "1"]
import builtins
builtins.len = lambda x: -1
builtins.sorted = lambda x: 'pwned'
builtins.isinstance = lambda *a: False
builtins.str = lambda *a: 'pwned'
