# why: JSON nested a hundred thousand levels deep
# expect: error
# error-type: RecursionError
import json
json.loads('[' * 100000 + ']' * 100000)
