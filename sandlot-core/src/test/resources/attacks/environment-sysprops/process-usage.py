# why: resource.getrusage and time.process_time are the host JVM's, which every other guest moves: a side channel on other tenants' work
# expect: ok
import resource, time
usage = resource.getrusage(resource.RUSAGE_SELF)
assert tuple(usage) == (0.0, 0.0) + (0,) * 14, usage
assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime == 0
process, thread = time.process_time(), time.thread_time()
assert abs(process - thread) < 1, (process, thread)
'ok'
