// why: a JS guest's sql() reads the runner's sentinel file with read_blob
// expect: error
// error-type: Error
sql('SELECT content FROM read_blob(?)', [sentinel])
