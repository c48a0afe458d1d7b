// why: printing a huge array, typed array, Map, Set, string or a Map iterator must cost what is printed (node shows
// why: the first 100 items), not the value's size: inspect once took every index's property descriptor and ran out
// why: of memory on a 1e6-element array; here each is inspected under a 128 MiB limit, a few times over (the values
// why: themselves are kept well under it: the case is about what printing them adds)
// expect: ok
// limits: maxMemoryMb=128
// value: ["12 ... 999900 more items","12 ... 999900 more items","103 ... 299900 more items","103 ... 299900 more items","3 ... 4990000 more characters","103 ... 299900 more items","103 ... 900 more items"]
const util = require('util');
const array = Array.from({ length: 1e6 }, (_, i) => i);
const typed = new Float64Array(1e6);
const map = new Map();
for (let i = 0; i < 3e5; i++) map.set(i, i);
const set = new Set(array.slice(0, 3e5));
const text = 'x'.repeat(5e6);
const partial = map.values();
for (let i = 0; i < 299000; i++) partial.next();
const shapes = [];
for (const value of [array, typed, map, set, [text], map.entries(), partial]) {
  let printed;
  for (let round = 0; round < 3; round++) {
    printed = util.inspect(value);
  }
  shapes.push(printed.split('\n').length + ' ' + (printed.match(/\.\.\. \d+ more \w+/) || ['-'])[0]);
}
shapes
