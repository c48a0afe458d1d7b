# why: files written in the writable tree of one execution must be gone in the next
# expect: ok
# policy: vfs
# then: import os
# then: [os.path.exists('/work/leak.txt'), os.path.exists('/tmp/leak.txt'), os.listdir('/work')]
# then-value: [false, false, []]
for p in ('/work/leak.txt', '/tmp/leak.txt'):
    with open(p, 'w') as f:
        f.write('secret')
