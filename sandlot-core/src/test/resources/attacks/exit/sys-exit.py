# why: sys.exit raises SystemExit; it must end only the guest
# expect: error
# error-type: SystemExit
import sys
sys.exit(3)
