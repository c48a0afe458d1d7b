# why: a name lookup goes through the resolver (with a real name it would leak data to DNS); localhost resolves
# why: without a network, so an open door returns here
# expect: error, denied
import socket
socket.getaddrinfo('localhost', 80)
assert False, 'resolved'
