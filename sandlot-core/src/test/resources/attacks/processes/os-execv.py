# why: exec replaces the process image in a real OS process; here it must not start anything
# expect: error, denied
import os
os.execv('/usr/bin/touch', ['touch', hostDir + '/' + marker])
