# why: recreating the host folder's path inside the writable tree; the host folder itself stays untouched
# expect: ok
# policy: vfs
# value: "pwned"
import os
os.makedirs(hostDir, exist_ok=True)
with open(sentinel, 'w') as f:
    f.write('pwned')
open(sentinel).read()
