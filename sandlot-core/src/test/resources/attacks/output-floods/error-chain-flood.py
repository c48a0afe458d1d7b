# why: a chain of 20,000 exceptions, each raised while handling the one before, with megabyte messages, thousands
# why: of notes and a note list that is not a list; CPython would print it all, the result must stay small
# expect: error
# error-type: ValueError
import sys
sys.setrecursionlimit(10000)
big, note = 'x' * 1_000_000, 'n' * 100_000
error = ValueError(big)
for i in range(20_000):
    try:
        raise error
    except ValueError as handled:
        error = ValueError(big if i % 2 else f'e{i}')
        error.__context__ = handled
        if i % 1000 == 0:
            error.__notes__ = [note] * 5000 + [''] * 100_000
error.__notes__ = {'not': 'a list', 'but': big}
raise error
