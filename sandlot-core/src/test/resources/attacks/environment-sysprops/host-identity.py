# why: the host's user name, home, process id, host name, kernel release and load average are facts about the host
# why: (F9): the guest sees a neutral identity instead
# expect: ok
# value: ["sandbox","/work","/work",1,"sandbox","",false]
import getpass, os, platform, pwd
def loadavg():
    try:
        os.getloadavg()
        return True
    except OSError:
        return False
[getpass.getuser(), os.path.expanduser('~'), pwd.getpwuid(os.getuid()).pw_dir, os.getpid(), os.uname().nodename,
 platform.release(), loadavg()]
