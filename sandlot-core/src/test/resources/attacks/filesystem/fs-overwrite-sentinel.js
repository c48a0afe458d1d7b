// why: overwriting an existing host file through node's fs, with a writable tree: the write lands in the tree
// expect: ok
// policy: vfs
// value: [true, "pwned"]
const fs = require('fs');
fs.mkdirSync(sentinel.slice(0, sentinel.lastIndexOf('/')), { recursive: true });
fs.writeFileSync(sentinel, 'pwned');
[fs.existsSync(sentinel), fs.readFileSync(sentinel, 'utf8')]
