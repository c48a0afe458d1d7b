# why: the error message is capped
# expect: error
# limits: maxOutputBytes=10000
raise ValueError('m' * 10000000)
