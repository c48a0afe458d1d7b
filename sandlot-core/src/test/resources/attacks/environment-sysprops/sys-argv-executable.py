# why: the launcher's arguments and executable path would reveal the host's command line
# why: (sys.executable is a neutral name, issue 10; sys.argv is a script's, ['main.py'])
# expect: ok
# value: [["main.py"], "/usr/bin/python3", "/usr/bin/python3"]
import sys
[sys.argv, sys.executable, sys._base_executable]
