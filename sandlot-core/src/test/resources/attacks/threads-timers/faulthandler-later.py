# why: faulthandler.dump_traceback_later starts a watchdog thread
# expect: error, denied
import faulthandler
faulthandler.dump_traceback_later(0.05, repeat=True)
assert False, 'watchdog thread started'
