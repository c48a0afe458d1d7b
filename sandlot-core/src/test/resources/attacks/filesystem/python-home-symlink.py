# why: a symbolic link from the guest's tree to a host file
# expect: error, denied
# policy: vfs
import os
os.symlink(sentinel, '/work/link')
open('/work/link').read()
