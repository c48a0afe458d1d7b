# why: a lock acquired twice blocks forever; the time limit must still end it
# expect: timeout
# limits: timeoutMs=500
import _thread
lock = _thread.allocate_lock()
lock.acquire()
lock.acquire()
