# why: a Python guest writes a table file, then deletes from it with a data-modifying CTE: the table stays whole
# expect: ok
# value: 2
# policy: vfs
with open('t.csv', 'w') as f:
    f.write('a\n1\n2\n')
try:
    sql("WITH d AS (DELETE FROM \"t.csv\" RETURNING *) SELECT * FROM d")
    raise AssertionError('the delete ran')
except RuntimeError as e:
    assert 'read-only' in str(e), str(e)
len(sql("SELECT * FROM t"))
