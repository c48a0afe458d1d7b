# why: pty.spawn forks through another path
# expect: error, denied
import pty
pty.spawn(['/usr/bin/touch', hostDir + '/' + marker])
assert False, 'pty.spawn returned'
