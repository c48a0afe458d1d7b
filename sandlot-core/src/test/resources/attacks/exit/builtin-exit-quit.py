# why: the site builtins exit() and quit()
# expect: error
# error-type: SystemExit, NameError
exit(7)
