# why: os._exit ends a real process at once, skipping cleanup
# expect: error, internal_error
# error-type: SystemExit
import os
os._exit(0)
