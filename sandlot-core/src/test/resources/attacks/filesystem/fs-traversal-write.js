// why: with a writable tree, a .. path to the host's /tmp stays inside the tree (clamped at its root)
// expect: ok
// policy: vfs
// value: ["/tmp/MARKER", true, ["tmp", "work"]]
const fs = require('fs');
const p = '../../../../../../tmp/' + marker;
fs.writeFileSync(p, 'in the tree');
[fs.realpathSync(p).replace(marker, 'MARKER'), fs.existsSync('/tmp/' + marker), fs.readdirSync('/..')]
