-- why: fetch a URL (the network)
-- expect: error
-- error-type: SqlError
SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')
