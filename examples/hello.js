// Run with: ./sandbox run examples/hello.js (add --print-value to see the result too)
// The completion value of the script is the result: `--json` and the HTTP API return it as `value`.
const orders = [
  { sku: "A-1", price: 9.5, qty: 3 },
  { sku: "B-7", price: 120, qty: 1 },
  { sku: "C-2", price: 0.99, qty: 40 },
];
console.log("Hello from JavaScript");
console.log(`orders: ${orders.length}`);

({
  total: orders.reduce((sum, o) => sum + o.price * o.qty, 0),
  biggest: orders.reduce((a, b) => (a.price * a.qty >= b.price * b.qty ? a : b)).sku,
});
