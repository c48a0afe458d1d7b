# why: globals of one execution must not exist in the next
# expect: ok
# then: [n for n in ('leaked', 'leaked_fn') if n in globals()]
# then-value: []
leaked = 1
def leaked_fn():
    pass
