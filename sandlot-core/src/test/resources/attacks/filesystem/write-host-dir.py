# why: creating a file in a host folder the guest knows the path of
# expect: error, denied
open(hostDir + '/' + marker, 'w').write('pwned')
