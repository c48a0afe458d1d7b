# why: the launcher's arguments and executable path would reveal the host's command line
# expect: ok
# value: [[], ""]
import sys
[sys.argv, sys.executable]
