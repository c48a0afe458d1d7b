# why: with a writable tree, a .. path to the host's /tmp stays inside the tree (clamped at its root)
# expect: ok
# policy: vfs
# value: ["/tmp/MARKER", true]
import os
p = '../../../../../../tmp/' + marker
with open(p, 'w') as f:
    f.write('in the tree')
[os.path.realpath(p).replace(marker, 'MARKER'), os.path.exists('/tmp/' + marker)]
