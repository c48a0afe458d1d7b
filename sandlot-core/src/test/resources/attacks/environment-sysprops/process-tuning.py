# why: umask, nice, priority, CPU affinity, rlimits and clock_settime act on the whole host process when a POSIX backend passes them through
# expect: ok
# value: []
import os, time, resource
assert not hasattr(resource, 'setrlimit'), 'resource.setrlimit exists'
assert not hasattr(time, 'clock_settime'), 'time.clock_settime exists'
os.umask(0o777)
[n for n in ('nice', 'setpriority', 'sched_setaffinity', 'chroot', 'setuid', 'setgid') if hasattr(os, n)]
