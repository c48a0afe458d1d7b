// Script whose last statement is an expression (value printed by a notebook, not by node).
const data = [3, 1, 4, 1, 5, 9, 2, 6];
let total = 0;
for (const x of data) {
  total += x;
}
console.log('total', total);
total * 2;
