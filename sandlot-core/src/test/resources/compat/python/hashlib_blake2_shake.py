"""Hashes an agent reaches for beyond sha256: short BLAKE2 ids, keyed BLAKE2 as a MAC with salt and
personalisation, SHAKE with chosen output lengths, through hashlib's constructors, hashlib.new, hmac and file_digest."""
import hashlib
import hmac
import io

rows = ["alice,42", "bob,17", "carol,99"]
for row in rows:
    print(row, hashlib.blake2b(row.encode(), digest_size=8).hexdigest(), hashlib.blake2s(row.encode(), digest_size=6).hexdigest())

for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"abc")
    print(name, h.hexdigest(16) if name.startswith("shake") else h.hexdigest()[:16], h.digest_size, h.block_size, h.name)

tag = hashlib.blake2b(b"payload", key=b"secret-key", digest_size=32, salt=b"salt", person=b"app-v1")
print(tag.hexdigest(), len(tag.digest()))
checker = hashlib.blake2b(key=b"secret-key", digest_size=32, salt=b"salt", person=b"app-v1")
checker.update(b"pay")
partial = checker.copy()
checker.update(b"load")
print(hmac.compare_digest(tag.digest(), checker.digest()), partial.hexdigest() != checker.hexdigest())
print(hashlib.new("blake2s", b"x", digest_size=8).hexdigest(), hashlib.new("blake2b", b"x", key=b"k").hexdigest()[:20])

xof = hashlib.shake_128()
xof.update(b"a" * 100000)
print(xof.hexdigest(40), len(xof.digest(1000)), xof.digest(0), xof.name, xof.digest_size, xof.block_size)
print(hashlib.shake_256(b"seed").hexdigest(12), hashlib.new("shake_256", b"x").hexdigest(5))

print(hmac.new(b"key", b"msg", "blake2b").hexdigest()[:32], hmac.new(b"key", b"msg", hashlib.blake2s).hexdigest()[:32])
print(hashlib.file_digest(io.BytesIO(b"abc" * 1000), "blake2b").hexdigest()[:32])
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE,
      hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE, hashlib.blake2s.SALT_SIZE)
print(hashlib.blake2b(memoryview(b"abc"), digest_size=4).hexdigest(), hashlib.blake2b(bytearray(b"abc"), digest_size=4).hexdigest())
for kwargs in [dict(digest_size=0), dict(digest_size=65), dict(key=b"k" * 65), dict(salt=b"s" * 17),
               dict(person=b"p" * 17), dict(key="k")]:
    try:
        hashlib.blake2b(b"x", **kwargs)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
try:
    hashlib.blake2b("text")
except TypeError as error:
    print("TypeError", error)
