# why: the host file the runner planted and told the guest about
# expect: error
# error-type: FileNotFoundError
open(sentinel).read()
