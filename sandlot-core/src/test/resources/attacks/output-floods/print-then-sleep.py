# why: output just under the budget, then blocking: the output kept must be exactly what was written
# expect: timeout
# limits: maxOutputBytes=10000,timeoutMs=500
# output-max: 9000
import time
print('y' * 8999)
time.sleep(60)
