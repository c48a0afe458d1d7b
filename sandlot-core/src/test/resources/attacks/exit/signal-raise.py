# why: raising SIGTERM at the own process must not reach the host JVM (F2 in FINDINGS.md, fixed; the JVM died)
# expect: error, denied
import signal
signal.raise_signal(signal.SIGTERM)
assert False, 'signal raised'
