// An analysis script that fails part-way with an uncaught TypeError.
const rows = [
  { id: 1, price: 10, qty: 2 },
  { id: 2, price: 5, qty: 1 },
  { id: 3, qty: 4, meta: null },
];
let total = 0;
for (const r of rows) {
  total += r.price * r.qty;
  console.log('row', r.id, 'subtotal', r.price * r.qty);
}
console.log('total so far', total);
function describe(r) {
  return r.meta.label.toUpperCase();
}
console.log('describing', describe(rows[2]));
console.log('never reached');
