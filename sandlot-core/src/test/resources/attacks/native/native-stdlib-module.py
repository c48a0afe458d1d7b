# why: stdlib modules implemented in C need native access (sqlite3 here)
# expect: error, denied
import sqlite3
sqlite3.connect(':memory:').execute('select 1')
assert False, 'native sqlite ran'
