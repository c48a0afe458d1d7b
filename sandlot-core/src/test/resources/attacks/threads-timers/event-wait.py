# why: waiting on an event nobody will set
# expect: timeout
# limits: timeoutMs=500
import threading
threading.Event().wait()
