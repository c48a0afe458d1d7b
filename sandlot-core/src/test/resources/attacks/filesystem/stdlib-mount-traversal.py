# why: '..' from the neutral standard-library mount must not reach the host's root
# expect: error
# error-type: FileNotFoundError
open('/usr/lib/graalpy/lib/python3.12/../../../../../etc/passwd').read()
