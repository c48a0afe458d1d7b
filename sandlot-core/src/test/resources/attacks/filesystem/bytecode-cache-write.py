# why: the standard library's bytecode is served from a host cache shared by every context; a guest that writes a
# why: poisoned .pyc there (or turns bytecode writing on) would plant code in every later import
# expect: error, denied
# error-type: PermissionError
# then: import json
# then: json.dumps([1])
# then-value: "[1]"
import sys, json
sys.dont_write_bytecode = False
with open(json.__cached__, 'wb') as f:
    f.write(b'poison')
