// why: the writable tree is capped (1 MiB here); writing past it through node's fs fails with ENOSPC, not a bigger heap
// expect: ok
// policy: vfs
// value: ["ENOSPC", true]
const fs = require('fs');
let code = null;
try {
  for (let i = 0; i < 64; i++) fs.appendFileSync('big', 'x'.repeat(65536));
} catch (e) {
  code = e.code;
}
[code, fs.statSync('big').size <= 1 << 20]
