# why: threading.Thread
# expect: denied, error
import threading
t = threading.Thread(target=lambda: open(hostDir + '/' + marker, 'w'))
t.start()
t.join()
assert False, 'thread ran'
