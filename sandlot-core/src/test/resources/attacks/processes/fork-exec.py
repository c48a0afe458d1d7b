# why: the private primitive under subprocess, called directly with a plausible argument list
# expect: error, denied
import _posixsubprocess, os
args = [b'/usr/bin/touch', (hostDir + '/' + marker).encode()]
_posixsubprocess.fork_exec(args, [args[0]], True, (), None, None, -1, -1, -1, -1, -1, -1, -1, -1,
                           False, False, -1, None, None, None, -1, None, False)
assert False, 'fork_exec returned'
