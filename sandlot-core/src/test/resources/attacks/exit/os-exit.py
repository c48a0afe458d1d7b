# why: os._exit ends a real process at once, skipping cleanup
# expect: error
# error-type: SystemExit, InternalError
import os
os._exit(0)
