// why: hashing a 512 MiB string (cheap to make: a rope) encodes it to UTF-8 bytes in the guest's own heap, where the
// why: memory limit stops it, and hands the host only bounded pieces; a 2 GiB SHAKE output is refused before the
// why: host would allocate it
// expect: memory_limit
// limits: maxMemoryMb=64
const crypto = require('crypto');
try {
  crypto.createHash('shake256', { outputLength: 2 ** 31 });
  throw Object.assign(new Error('a 2 GiB SHAKE output was accepted'), { name: 'AssertionError' });
} catch (error) {
  if (error.code !== 'ERR_OUT_OF_RANGE') throw error;
}
crypto.createHash('sha256').update('x'.repeat(2 ** 29)).digest('hex')
