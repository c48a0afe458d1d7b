// node's crypto as scripts use it: content hashes to find duplicate records, a signed payload checked with HMAC,
// a password key, short ids from digests, and random tokens (only their shapes are printed)
const crypto = require('crypto');
const { createHash, createHmac, timingSafeEqual } = require('node:crypto');

const records = [
  { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 2, name: 'Alan Turing', email: 'alan@example.com' },
  { id: 3, name: 'Ada Lovelace', email: 'ADA@example.com ' },
  { id: 4, name: 'Grace Hopper', email: 'grace@example.com' },
];
const fingerprint = (r) => createHash('sha256').update(`${r.name}|${r.email.trim().toLowerCase()}`).digest('hex');
const seen = new Map();
for (const record of records) {
  const key = fingerprint(record);
  if (seen.has(key)) console.log(`record ${record.id} duplicates ${seen.get(key)} (${key.slice(0, 12)})`);
  else seen.set(key, record.id);
}

const secret = 'webhook-secret';
const payload = JSON.stringify({ event: 'order.paid', amount: 4200, currency: 'EUR' });
const signature = createHmac('sha256', secret).update(payload).digest('hex');
console.log('signature', signature);
const verify = (body, sig) => {
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('hex'));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
};
console.log('valid', verify(payload, signature), 'tampered', verify(payload.replace('4200', '4201'), signature), 'short', verify(payload, 'abc'));

const key = crypto.pbkdf2Sync('correct horse battery staple', 'per-user-salt', 10000, 32, 'sha512');
console.log('key', key.length, key.toString('base64'));

const shortId = (text) => createHash('md5').update(text).digest('base64url').slice(0, 8);
console.log(['report.csv', 'report.csv', 'summary.json'].map(shortId));
const etag = crypto.createHash('sha1').update(Buffer.from('file body\n')).digest('base64');
console.log('etag', etag, crypto.hash('sha1', 'file body\n', 'base64') === etag);

const chunks = ['alpha,', 'beta,', 'gamma'];
const streamed = chunks.reduce((h, c) => h.update(c), createHash('sha512'));
console.log('chunks agree', streamed.digest('hex') === createHash('sha512').update(chunks.join('')).digest('hex'));
for (const algorithm of ['md5', 'sha1', 'sha256', 'sha384', 'sha512', 'sha3-256']) {
  console.log(algorithm.padEnd(8), createHash(algorithm).update('').digest().length, createHash(algorithm).update('The quick brown fox').digest('hex').slice(0, 16));
}

const token = crypto.randomBytes(24).toString('hex');
const uuid = crypto.randomUUID();
const pin = crypto.randomInt(1000, 10000);
console.log('token', token.length, /^[0-9a-f]+$/.test(token), 'uuid', uuid.split('-').map((p) => p.length).join('-'), 'pin', String(pin).length);
try {
  createHash('sha257');
} catch (error) {
  console.log(error.message);
}
