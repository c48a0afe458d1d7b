// why: node's crypto hashes on the host, which the guest's limits do not interrupt: an endless stream of 16 MiB
// why: updates must reach it in bounded pieces, so the execution ends at its time limit and leaves no busy thread
// expect: timeout
// limits: timeoutMs=1000
const hash = require('crypto').createHash('sha256');
const chunk = Buffer.alloc(1 << 24, 'x');
for (;;) {
  hash.update(chunk);
}
