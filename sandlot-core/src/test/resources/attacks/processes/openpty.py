# why: os.openpty would allocate a host pseudo-terminal (a controlling tty for a later spawn)
# expect: error, denied
import os
os.openpty()
assert False, 'os.openpty returned'
