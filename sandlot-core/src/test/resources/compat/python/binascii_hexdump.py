# A hex dump and checksum report of a small binary log, the way one inspects records by hand: fixed-size records,
# their fields in hex with separators, CRCs and base64 for pasting elsewhere.
import base64
import binascii
import struct
import zlib

records = []
for i, (sensor, value, flags) in enumerate([(7, 21.5, 0x01), (7, 22.25, 0x00), (12, -3.75, 0x81),
                                            (12, 1e-3, 0x10), (255, 1013.25, 0xff)]):
    records.append(struct.pack('>HBfB', i, sensor, value, flags))
blob = b''.join(records)
print(f'{len(records)} records, {len(blob)} bytes')

print('record  hex (sep=" ")            grouped by 2 from the right   by 4 from the left')
for record in records:
    print(f'{struct.unpack(">H", record[:2])[0]:>6}  {binascii.hexlify(record, " ").decode():<26}'
          f'{binascii.b2a_hex(record, ":", 2).decode():<30}{binascii.hexlify(record, b"_", -4).decode()}')

print('\nhex dump')
for offset in range(0, len(blob), 16):
    chunk = blob[offset:offset + 16]
    text = ''.join(chr(b) if 32 <= b < 127 else '.' for b in chunk)
    print(f'{offset:08x}  {binascii.hexlify(chunk, " ", -8).decode():<49} |{text}|')

print('\nfields')
for record in records:
    index, sensor, value, flags = struct.unpack('>HBfB', record)
    print(f'  #{index} sensor={sensor:<3} value={value:>10.4f} flags={flags:08b}'
          f' raw={record.hex("-")} float={record[3:7].hex(" ", 2)}')

print('\nchecksums')
print('  crc32        ', hex(binascii.crc32(blob)), zlib.crc32(blob) == binascii.crc32(blob))
print('  crc_hqx      ', hex(binascii.crc_hqx(blob, 0xffff)))
print('  crc32 bytes  ', binascii.hexlify(binascii.crc32(blob).to_bytes(4, 'big'), ':'))
print('  base64       ', base64.b64encode(records[0]).decode(), binascii.b2a_base64(records[1], newline=False))
print('  roundtrip    ', binascii.unhexlify(binascii.hexlify(blob)) == blob,
      bytes.fromhex(binascii.hexlify(blob, ' ').decode()) == blob)

print('\nseparators')
for args in [(b'\x01\x02\x03\x04\x05', '.', 1), (b'\x01\x02\x03\x04\x05', '.', 2), (b'\x01\x02\x03\x04\x05', '.', -2),
             (b'\x01\x02\x03\x04\x05', '.', 5), (b'\x01\x02\x03\x04\x05', '.', 9), (b'\x01\x02', '.', 0),
             (b'', '.', 1), (bytearray(b'\xde\xad\xbe\xef'), b'|', 1), (memoryview(b'\xca\xfe'), '-', -1)]:
    print(' ', args[1:], binascii.hexlify(*args))
for sep in ['--', '', 1, None, bytearray(b'-')]:
    try:
        binascii.hexlify(b'ab', sep)
    except (ValueError, TypeError) as error:
        print('  sep', repr(sep), type(error).__name__, error)
try:
    binascii.hexlify('text', ':')
except TypeError as error:
    print('  str data', error)
