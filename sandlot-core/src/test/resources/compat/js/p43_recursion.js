// Recursive algorithms over moderately deep structures.
function buildChain(n) { let node = null; for (let i = n; i > 0; i--) node = { value: i, next: node }; return node; }
function sumChain(node) { return node === null ? 0 : node.value + sumChain(node.next); }
function depth(tree) { return tree.children.length === 0 ? 1 : 1 + Math.max(...tree.children.map(depth)); }
function buildTree(d, b) { return { children: d === 0 ? [] : Array.from({ length: b }, () => buildTree(d - 1, b)) }; }
function flattenDeep(arr) { return arr.reduce((acc, x) => Array.isArray(x) ? acc.concat(flattenDeep(x)) : acc.concat(x), []); }
function nest(n) { let a = [n]; for (let i = n - 1; i >= 0; i--) a = [i, a]; return a; }
const memo = new Map();
function fibm(n) { if (n < 2) return n; if (memo.has(n)) return memo.get(n); const v = fibm(n - 1) + fibm(n - 2); memo.set(n, v); return v; }
function ackermann(m, n) { return m === 0 ? n + 1 : n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1)); }
function permutations(arr) { if (arr.length <= 1) return [arr]; return arr.flatMap((x, i) => permutations([...arr.slice(0, i), ...arr.slice(i + 1)]).map(p => [x, ...p])); }
function hanoi(n, from, to, via, moves) { if (n === 0) return moves; hanoi(n - 1, from, via, to, moves); moves.push(`${from}->${to}`); return hanoi(n - 1, via, to, from, moves); }
console.log('chain sum 3000', sumChain(buildChain(3000)));
console.log('chain sum 7000', sumChain(buildChain(7000)));
console.log('tree depth', depth(buildTree(10, 2)));
console.log('flatten', flattenDeep(nest(500)).length);
console.log('fib memo 1000', fibm(1000), fibm(90));
console.log('ackermann(2,3)', ackermann(2, 3), 'ackermann(3,5)', ackermann(3, 5));
console.log('perms', permutations([1, 2, 3, 4]).length, permutations(['a', 'b', 'c']).map(p => p.join('')).join(' '));
console.log('hanoi 10 moves', hanoi(10, 'A', 'C', 'B', []).length, hanoi(3, 'A', 'C', 'B', []).join(' '));
const json = JSON.stringify(nest(900));
console.log('nested json length', json.length, JSON.parse(json)[1][1][0]);
function countDown(n) { return n === 0 ? 'done' : countDown(n - 1); }
console.log('countDown 9000', countDown(9000));
