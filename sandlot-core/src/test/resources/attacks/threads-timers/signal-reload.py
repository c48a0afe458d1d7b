# why: reloading the signal module must not bring back the functions the sandbox replaced (F2, F3)
# expect: error, denied
import importlib, signal
signal = importlib.reload(signal)
import _signal
_signal.signal(_signal.SIGINT, _signal.SIG_IGN)
assert False, 'SIGINT handler installed after a reload'
