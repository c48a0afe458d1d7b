# why: a Python guest's sql() reads the runner's sentinel file by its real path
# expect: error
# error-type: RuntimeError
sql("SELECT * FROM read_text(?)", [sentinel])
