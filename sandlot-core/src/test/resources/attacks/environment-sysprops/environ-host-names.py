# why: no host environment variable is visible (only GraalPy's own)
# expect: ok
# value: []
import os
[k for k in os.environ if k != 'UNSAFE_PYO3_SKIP_VERSION_CHECK']
