// why: host and language-home paths through node's fs: the guest's tree holds only /work and /tmp
// expect: ok
// value: ["ENOENT", "ENOENT", "ENOENT", "ENOENT", "ENOENT", ["tmp", "work"]]
const fs = require('fs');
const codes = ['/etc/passwd', '/proc/self/environ', '/usr/lib/graalpy', 'file:///etc/hostname', hostDir].map((p) => {
  try {
    fs.statSync(p);
    return fs.readdirSync(p);
  } catch (e) {
    return e.code;
  }
});
codes.push(fs.readdirSync('/'));
codes
