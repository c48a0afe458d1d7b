# why: opening a standard-library file for writing, changing its mode or times, creating a folder next to it: all
# why: must be refused or stay in the guest's own tree (F1, fixed); the probes change nothing even if a door opens
# expect: ok
# value: ["refused", "refused", "refused", "refused"]
import os
r = []
for attempt in (lambda: open(os.__file__, 'r+').close(), lambda: os.chmod(os.__file__, 0o664),
                lambda: os.utime(os.__file__, None), lambda: os.mkdir(os.path.join(os.path.dirname(os.__file__), marker))):
    try:
        attempt()
        r.append('done')
    except OSError:
        r.append('refused')
r
