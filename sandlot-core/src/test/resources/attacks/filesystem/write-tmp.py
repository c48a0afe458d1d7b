# why: /tmp exists in the guest's tree too; writing there must not reach the host's /tmp
# expect: error, denied
open('/tmp/' + marker, 'w').write('pwned')
