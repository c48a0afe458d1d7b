# why: signal dispositions are process-wide: a guest must not change the host JVM's (F3 in FINDINGS.md, fixed)
# expect: error, denied
import signal
signal.signal(signal.SIGTERM, signal.SIG_IGN)
assert False, 'SIGTERM handler installed'
