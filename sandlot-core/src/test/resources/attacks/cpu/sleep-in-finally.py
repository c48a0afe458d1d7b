# why: a sleep in a finally block after the stop request
# expect: timeout
# limits: timeoutMs=500
import time
try:
    time.sleep(3600)
finally:
    time.sleep(3600)
