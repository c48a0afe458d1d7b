# why: ThreadPoolExecutor runs tasks in the submitting thread (no thread is started), so a task that waits for one
# why: submitted after it would wait forever: the time limit must still end it, and the pool must not start threads
# expect: timeout
# limits: timeoutMs=500
import threading
from concurrent.futures import ThreadPoolExecutor
ready = threading.Event()
with ThreadPoolExecutor(max_workers=2) as pool:
    waiter = pool.submit(ready.wait)
    pool.submit(ready.set)
assert False, 'the waiting task ended'
