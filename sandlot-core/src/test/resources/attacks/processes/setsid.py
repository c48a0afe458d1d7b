# why: os.setsid and os.setpgid would detach or regroup the host JVM's process
# expect: error, denied
import os
os.setsid()
assert False, 'os.setsid returned'
