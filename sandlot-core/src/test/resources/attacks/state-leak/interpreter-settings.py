# why: interpreter-wide settings: recursion limit, working directory, environment, stdout
# expect: ok
# then: import sys, os
# then: [sys.getrecursionlimit() >= 1000, os.getcwd(), 'PWNED' in os.environ, type(sys.stdout).__name__]
# then-value: [true, "/work", false, "TextIOWrapper"]
import sys, os, io
sys.setrecursionlimit(50)
os.chdir('/tmp')
os.environ['PWNED'] = '1'
sys.stdout = io.StringIO()
