import hashlib
import hmac
import base64
import binascii

texts = ["", "hello", "Hello, World!", "Zoë 😀", "a" * 1000]
for t in texts:
    b = t.encode("utf-8")
    print(hashlib.md5(b).hexdigest(), hashlib.sha1(b).hexdigest()[:16], hashlib.sha256(b).hexdigest())
print(hashlib.sha512(b"abc").hexdigest())
print(hashlib.sha3_256(b"abc").hexdigest())
print(hashlib.blake2b(b"abc").hexdigest()[:32], hashlib.blake2s(b"abc").hexdigest())
h = hashlib.sha256()
for chunk in [b"part1", b"part2", b"part3"]:
    h.update(chunk)
print(h.hexdigest(), h.digest_size, h.block_size, h.name)
print(hashlib.new("md5", b"x").hexdigest(), hashlib.md5(b"x").digest()[:4])
print(hmac.new(b"secret", b"message", hashlib.sha256).hexdigest())
print(hmac.compare_digest("abc", "abc"))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(sorted(a for a in ["md5", "sha1", "sha256", "sha512"] if a in hashlib.algorithms_guaranteed))
raw = "Données: 100€".encode("utf-8")
e = base64.b64encode(raw)
print(e, base64.b64decode(e).decode("utf-8"))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b64encode(b"\xfb\xff\xfe"))
print(base64.b32encode(b"hi"), base64.b16encode(b"hi"), base64.a85encode(b"hello"), base64.b85encode(b"hello"))
print(base64.b64decode("aGVsbG8="), base64.standard_b64encode(b"x"))
print(binascii.hexlify(b"\x01\xab"), bytes.fromhex("deadbeef"), b"\xde\xad".hex(":"), binascii.crc32(b"hello"))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
