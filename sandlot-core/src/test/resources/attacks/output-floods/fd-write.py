# why: writing to file descriptors 1 and 2 directly, below sys.stdout
# expect: output_limit
# limits: maxOutputBytes=10000
import os
while True:
    os.write(1, b'o' * 500)
    os.write(2, b'e' * 500)
