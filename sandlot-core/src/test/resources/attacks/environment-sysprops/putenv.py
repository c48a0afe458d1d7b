# why: setting and removing variables changes the guest's copy only; the runner checks the host's
# expect: ok
# value: "pwned"
import os
os.environ[marker] = 'pwned'
os.putenv('PATH', '/pwned')
try:
    os.unsetenv('HOME')
except OSError:
    pass
os.environ[marker]
