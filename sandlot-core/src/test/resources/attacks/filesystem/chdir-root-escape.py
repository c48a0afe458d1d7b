# why: changing directory to above the root, then opening a host path relatively
# expect: error
# error-type: FileNotFoundError
import os
os.chdir('/../../..')
assert os.getcwd() == '/', os.getcwd()
open(sentinel.lstrip('/')).read()
