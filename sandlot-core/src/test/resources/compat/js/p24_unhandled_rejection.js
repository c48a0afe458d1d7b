// An async job whose rejection is never handled.
async function loadData(name) {
  await null;
  if (name === 'missing.csv') throw new Error(`file not found: ${name}`);
  return [1, 2, 3];
}
async function main() {
  const a = await loadData('data.csv');
  console.log('loaded', a.length, 'rows');
  const b = await loadData('missing.csv');
  console.log('loaded', b.length, 'rows');
}
main();
console.log('main started');
