# why: the writable tree is capped (1 MiB here); writing past it must fail, not grow the host's heap
# expect: error
# error-type: OSError
# policy: vfs
with open('/work/big', 'wb') as f:
    for _ in range(64):
        f.write(b'x' * 65536)
