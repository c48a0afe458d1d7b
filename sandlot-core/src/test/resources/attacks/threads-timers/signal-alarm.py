# why: alarm() delivers a real SIGALRM in an OS process, whose default action ends the process: here the host JVM
# why: must survive it
# expect: error
# limits: timeoutMs=5000
import signal, time
signal.alarm(1)
time.sleep(1.5)
'survived'
