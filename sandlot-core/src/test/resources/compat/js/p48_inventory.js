// Inventory reorder report.
const inventory = [
  { sku: 'KB-101', name: 'Keyboard', stock: 14, reorderAt: 20, dailyUse: 2.5, cost: 23.4 },
  { sku: 'MS-202', name: 'Mouse', stock: 80, reorderAt: 30, dailyUse: 4, cost: 9.99 },
  { sku: 'MN-303', name: 'Monitor 27"', stock: 3, reorderAt: 5, dailyUse: 0.4, cost: 189 },
  { sku: 'CB-404', name: 'USB-C Cable', stock: 0, reorderAt: 50, dailyUse: 7.25, cost: 3.1 },
  { sku: 'HS-505', name: 'Headset', stock: 22, reorderAt: 10, dailyUse: 1.1, cost: 45.5 },
];
const report = inventory.map(item => {
  const daysLeft = item.dailyUse > 0 ? item.stock / item.dailyUse : Infinity;
  const needs = item.stock <= item.reorderAt;
  const orderQty = needs ? Math.ceil(item.dailyUse * 30 - item.stock + item.reorderAt) : 0;
  return { ...item, daysLeft, needs, orderQty, orderCost: +(orderQty * item.cost).toFixed(2) };
});
const header = ['SKU', 'Name', 'Stock', 'Days left', 'Order', 'Cost'];
const rows = report.map(r => [r.sku, r.name, String(r.stock), Number.isFinite(r.daysLeft) ? r.daysLeft.toFixed(1) : '∞', String(r.orderQty), r.orderCost.toLocaleString('en-US', { style: 'currency', currency: 'USD' })]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
const fmtRow = r => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(fmtRow(header));
console.log(widths.map(w => '='.repeat(w)).join('  '));
rows.forEach(r => console.log(fmtRow(r)));
const total = report.reduce((s, r) => s + r.orderCost, 0);
console.log(`\nTotal reorder cost: ${total.toFixed(2)} (${report.filter(r => r.needs).length} items)`);
console.log('Out of stock:', report.filter(r => r.stock === 0).map(r => r.name).join(', ') || 'none');
const critical = report.filter(r => r.daysLeft < 7).sort((a, b) => a.daysLeft - b.daysLeft);
console.log('Critical:', critical.map(r => `${r.name} (${r.daysLeft.toFixed(1)}d)`).join('; '));
console.log('Value on hand:', inventory.reduce((s, i) => s + i.stock * i.cost, 0).toFixed(2));
console.log(JSON.stringify(report.find(r => r.sku === 'MN-303')));
