# why: sleeping is blocking, not computing; the wall-time limit must end it
# expect: timeout
# limits: timeoutMs=500
import time
time.sleep(3600)
