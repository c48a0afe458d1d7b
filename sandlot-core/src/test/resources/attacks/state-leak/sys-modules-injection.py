# why: a fake module in sys.modules would be imported by the next guest (and by the sandbox's input binding)
# expect: ok
# then: import json, math, os
# then: [json.dumps([1]), math.pi > 3.14, os.getcwd()]
# then-value: ["[1]", true, "/work"]
import sys, types, os
fake = types.ModuleType('json')
fake.dumps = fake.loads = lambda *a, **k: 'pwned'
sys.modules['json'] = fake
import math
math.pi = 3
sys.modules['os'].getcwd = lambda: '/pwned'
