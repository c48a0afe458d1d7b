# why: signalling the host process (signal 0 probes without harm)
# expect: error, denied
import os
os.kill(os.getpid(), 0)
assert False, 'os.kill returned'
