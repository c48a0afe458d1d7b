# why: a TCP connection to the host's loopback (the runner listens and checks nothing arrived)
# expect: error, denied
import socket
socket.create_connection(('127.0.0.1', port), timeout=1)
assert False, 'connected'
