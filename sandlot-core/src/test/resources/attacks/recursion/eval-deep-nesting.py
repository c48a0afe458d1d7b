# why: source nested a hundred thousand parentheses deep
# expect: error
# error-type: SyntaxError, RecursionError, MemoryError
eval('(' * 100000 + ')' * 100000)
