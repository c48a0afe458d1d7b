-- why: 10^12 rows; a materialised result would grow the host without bound, a streamed one is cut
-- expect: ok
-- limits: maxResultRows=100
SELECT * FROM range(1000000000000)
