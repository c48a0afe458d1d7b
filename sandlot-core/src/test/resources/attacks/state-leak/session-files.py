# why: files of one session's tree are not in another session's tree
# expect: ok
# mode: session
# policy: vfs
# then: import os
# then: os.listdir('/work')
# then-value: []
with open('/work/secret.txt', 'w') as f:
    f.write('session A')
