# why: os.system
# expect: error, denied
import os
os.system('touch ' + hostDir + '/' + marker)
assert False, 'os.system returned'
