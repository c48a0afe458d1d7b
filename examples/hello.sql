-- Run with: ./sandbox run examples/hello.sql --inputs '{"orders": [{"sku": "A-1", "price": 9.5, "qty": 3}, {"sku": "B-7", "price": 120, "qty": 1}]}'
-- One read-only DuckDB query; an input that is an array of objects is a table named after the input.
SELECT sku, price * qty AS total
FROM orders
ORDER BY total DESC
