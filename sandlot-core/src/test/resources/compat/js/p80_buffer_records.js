// Encodes sensor records in a fixed binary layout, ships them as base64 and hex, and decodes them back.
const records = [
  { id: 1, temp: -3.5, humidity: 81, label: 'north' },
  { id: 2, temp: 21.25, humidity: 44, label: 'süd' },
  { id: 300, temp: 38.125, humidity: 12, label: 'east-€' },
];

function encode({ id, temp, humidity, label }) {
  const name = Buffer.from(label, 'utf8');
  const buf = Buffer.alloc(2 + 8 + 1 + 1 + name.length);
  let at = buf.writeUInt16BE(id, 0);
  at = buf.writeDoubleLE(temp, at);
  at = buf.writeUInt8(humidity, at);
  at = buf.writeUInt8(name.length, at);
  name.copy(buf, at);
  return buf;
}

function decode(buf) {
  const length = buf.readUInt8(11);
  return { id: buf.readUInt16BE(0), temp: buf.readDoubleLE(2), humidity: buf.readUInt8(10),
    label: buf.subarray(12, 12 + length).toString('utf8') };
}

const packed = Buffer.concat(records.map((r) => {
  const body = encode(r);
  const header = Buffer.alloc(2);
  header.writeUInt16LE(body.length);
  return Buffer.concat([header, body]);
}));
console.log('packed', packed.length, 'bytes:', packed.subarray(0, 16));
const wire = packed.toString('base64');
console.log('base64:', wire);
console.log('base64url:', packed.toString('base64url'));
console.log('hex:', packed.toString('hex').slice(0, 40) + '...');

const received = Buffer.from(wire, 'base64');
console.log('intact:', received.equals(packed), Buffer.compare(received, packed));
const decoded = [];
for (let at = 0; at < received.length;) {
  const size = received.readUInt16LE(at);
  decoded.push(decode(received.subarray(at + 2, at + 2 + size)));
  at += 2 + size;
}
console.log(decoded);
console.table(decoded.map(({ id, label }) => ({ id, label, bytes: Buffer.byteLength(label) })));
console.log(JSON.stringify(encode(records[0])));
const checksum = [...received].reduce((sum, byte) => (sum + byte) % 65536, 0);
console.log('checksum', checksum.toString(16).padStart(4, '0'), Buffer.from([checksum >> 8, checksum & 255]));
try {
  received.readUInt32LE(received.length - 2);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
