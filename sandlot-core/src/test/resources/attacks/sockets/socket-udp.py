# why: UDP needs no connection to leak data
# expect: error, denied
import socket
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'pwned', ('127.0.0.1', port))
assert False, 'sent'
