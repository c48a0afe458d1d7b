# why: the guest's root holds only its own tree, nothing of the host's
# expect: ok
# value: ["tmp", "work"]
import os
sorted(os.listdir('/'))
