# why: the launcher's arguments and executable path would reveal the host's command line
# why: (sys.executable is a neutral name, issue 10)
# expect: ok
# value: [[], "/usr/bin/python3", "/usr/bin/python3"]
import sys
[sys.argv, sys.executable, sys._base_executable]
