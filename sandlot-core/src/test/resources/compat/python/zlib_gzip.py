import zlib
import gzip
import io
import json
import lzma

payload = json.dumps([{"id": i, "name": f"item-{i}", "tags": ["x"] * (i % 5)} for i in range(500)]).encode()
c = zlib.compress(payload, 9)
print(len(payload), zlib.decompress(c) == payload, len(c) < len(payload) // 5)
print(zlib.crc32(payload), zlib.adler32(payload), zlib.crc32(b"hello world"), zlib.adler32(b"hello world"))
d = zlib.decompressobj()
out = d.decompress(c[:100]) + d.decompress(c[100:]) + d.flush()
print(out == payload)
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw = co.compress(payload) + co.flush()
print(zlib.decompress(raw, -15) == payload)
with gzip.open("data.json.gz", "wt", encoding="utf-8") as f:
    f.write(payload.decode())
with gzip.open("data.json.gz", "rt", encoding="utf-8") as f:
    back = json.load(f)
print(len(back), back[3])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
    g.write(b"line1\nline2\n")
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as g:
    print(g.read().splitlines())
print(lzma.decompress(lzma.compress(payload)) == payload)
try:
    zlib.decompress(b"not compressed")
except zlib.error as e:
    print("zlib.error raised")
